#include "cue_tones.h"

#include <QDataStream>
#include <QIODevice>
#include <QList>
#include <cmath>
#include <numbers>

namespace podium {
namespace {

constexpr int sampleRate = 44'100;

struct Note {
    double hz;
    double startS;
    double lengthS;
};

QList<Note> notesFor(Cue cue) {
    if (cue == Cue::Warning)
        return {{659.25, 0.0, 0.45}, {880.0, 0.18, 0.55}};               // E5, A5: "heads up"
    return {{1046.5, 0.0, 0.5}, {783.99, 0.2, 0.5}, {523.25, 0.4, 0.7}}; // C6, G5, C5: "time"
}

// A bell-like voice: the fundamental and a quiet octave, a 8 ms attack, exponential decay.
double voice(const Note& n, double t) {
    const double local = t - n.startS;
    if (local < 0 || local > n.lengthS)
        return 0;
    const double attack = std::min(1.0, local / 0.008);
    const double decay = std::exp(-local * 5.0 / n.lengthS);
    const double w = 2 * std::numbers::pi * n.hz * local;
    return attack * decay * (std::sin(w) + 0.25 * std::sin(2 * w));
}

QList<qint16> render(const QList<Note>& notes) {
    double end = 0;
    for (const Note& n : notes)
        end = std::max(end, n.startS + n.lengthS);
    QList<qint16> samples(int(end * sampleRate));
    for (int i = 0; i < samples.size(); ++i) {
        const double t = double(i) / sampleRate;
        double mix = 0;
        for (const Note& n : notes)
            mix += voice(n, t);
        samples[i] = qint16(std::clamp(mix * 0.3, -1.0, 1.0) * 32767);
    }
    return samples;
}

} // namespace

QByteArray cueWav(Cue cue) {
    if (cue == Cue::None)
        return {};
    const QList<qint16> samples = render(notesFor(cue));
    const quint32 dataBytes = quint32(samples.size()) * 2;
    QByteArray wav;
    QDataStream out(&wav, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + dataBytes);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(1) << quint32(sampleRate) << quint32(sampleRate * 2)
        << quint16(2) << quint16(16);
    out.writeRawData("data", 4);
    out << dataBytes;
    for (qint16 s : samples)
        out << s;
    return wav;
}

} // namespace podium
