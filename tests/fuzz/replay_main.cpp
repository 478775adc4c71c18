// Replays a fuzz target's committed corpus (and mutated variants of it) without libFuzzer, so
// CI exercises the decoders in bounded time with g++. Usage: replay CORPUS_DIR [ROUNDS]
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

void run(const QByteArray& bytes) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.constData()),
                           size_t(bytes.size()));
}

QByteArray mutated(QByteArray b, QRandomGenerator& rng) {
    const int edits = 1 + int(rng.bounded(8));
    for (int i = 0; i < edits && !b.isEmpty(); ++i) {
        const qsizetype at = qsizetype(rng.bounded(quint32(b.size())));
        switch (rng.bounded(4)) {
        case 0:
            b[at] = char(rng.bounded(256));
            break;
        case 1:
            b.remove(at, 1 + qsizetype(rng.bounded(4)));
            break;
        case 2:
            b.insert(at, char(rng.bounded(256)));
            break;
        default:
            b.truncate(at);
        }
    }
    return b;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    const int rounds = args.size() > 2 ? args[2].toInt() : 200;
    QRandomGenerator rng(20261128); // fixed: a failure replays the same way
    const QDir dir(args[1]);
    int files = 0;
    for (const QString& name : dir.entryList(QDir::Files)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return 3;
        const QByteArray seed = f.readAll();
        run(seed);
        for (int i = 0; i < rounds; ++i)
            run(mutated(seed, rng));
        ++files;
    }
    QTextStream(stdout) << "replayed " << files << " seeds, " << rounds << " variants each\n";
    return files > 0 ? 0 : 4;
}
