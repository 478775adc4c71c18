#include "chart.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

constexpr int width = 720;
constexpr int barArea = 560;
constexpr int rowHeight = 42;

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

qint64 total(const Bar& b) {
    qint64 sum = 0;
    for (qint64 p : b.parts)
        sum += qMax<qint64>(0, p);
    return sum;
}

qint64 largest(const Chart& c) {
    qint64 max = 0;
    for (const Bar& b : c.bars)
        max = std::max(max, total(b));
    return max;
}

QString shortened(const QString& s) {
    return s.size() > 90 ? s.left(89) + u'…' : s;
}

QString svgLegend(const Chart& c, int* y) {
    if (c.series.size() < 2)
        return {};
    QString out;
    int x = 0;
    for (int i = 0; i < c.series.size(); ++i) {
        out += u"<rect x=\"%1\" y=\"%2\" width=\"12\" height=\"12\" fill=\"%3\"/>"_s.arg(x)
                   .arg(*y)
                   .arg(seriesColour(i));
        out +=
            u"<text x=\"%1\" y=\"%2\">%3</text>"_s.arg(x + 18).arg(*y + 11).arg(esc(c.series[i]));
        x += 30 + int(c.series[i].size()) * 8;
    }
    *y += 24;
    return out;
}

QString svgBar(const Bar& b, qint64 max, int y) {
    QString out = u"<text x=\"0\" y=\"%1\">%2</text>"_s.arg(y + 12).arg(esc(shortened(b.label)));
    double x = 0;
    for (int i = 0; i < b.parts.size(); ++i) {
        const double w = max > 0 ? barArea * double(qMax<qint64>(0, b.parts[i])) / double(max) : 0;
        if (w > 0) {
            out += u"<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"16\" fill=\"%4\"/>"_s
                       .arg(x, 0, 'f', 1)
                       .arg(y + 18)
                       .arg(w, 0, 'f', 1)
                       .arg(seriesColour(i));
        }
        x += w;
    }
    out +=
        u"<text x=\"%1\" y=\"%2\">%3</text>"_s.arg(x + 6, 0, 'f', 1).arg(y + 31).arg(esc(b.value));
    return out;
}

} // namespace

QString seriesColour(int series) {
    static const QStringList colours = {u"#2b6cb0"_s, u"#dd6b20"_s, u"#2f855a"_s, u"#805ad5"_s};
    return colours[series % colours.size()];
}

QString svgBarChart(const Chart& c) {
    int y = 0;
    QString shapes = svgLegend(c, &y);
    const qint64 max = largest(c);
    for (const Bar& b : c.bars) {
        shapes += svgBar(b, max, y);
        y += rowHeight;
    }
    return u"<figure><figcaption>%1</figcaption>"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %2 %3\" "
           "width=\"%2\" height=\"%3\" font-family=\"sans-serif\" font-size=\"13\">"
           "<title>%1</title>%4</svg></figure>\n"_s.arg(esc(c.title), QString::number(width),
                                                        QString::number(y), shapes);
}

QString richTextBarChart(const Chart& c) {
    QString out = u"<p><b>%1</b>"_s.arg(esc(c.title));
    if (c.series.size() > 1) {
        out += u"<br/>"_s;
        for (int i = 0; i < c.series.size(); ++i) {
            out +=
                u"<span style=\"background-color:%1\">&nbsp;&nbsp;&nbsp;</span> %2 &nbsp; "_s.arg(
                    seriesColour(i), esc(c.series[i]));
        }
    }
    out += u"</p>"_s;
    // One table per bar: Qt's rich text ignores the width of a table inside a cell, and every
    // bar was drawn full width. Here each part is a cell of the bar's own row, as wide as its
    // share of the largest bar, and a blank cell takes the rest of the bar area. A margin under
    // each keeps the bars apart (touching, they read as one block).
    constexpr int labelShare = 30, barShare = 52, valueShare = 18;
    const qint64 max = largest(c);
    for (const Bar& b : c.bars) {
        QString cells;
        int used = 0;
        for (int i = 0; i < b.parts.size(); ++i) {
            const qint64 part = qMax<qint64>(0, b.parts[i]);
            const int share = max > 0 ? int(qRound(barShare * double(part) / double(max))) : 0;
            if (part > 0) {
                const int shown = qMax(1, qMin(share, barShare - used));
                cells += u"<td width=\"%1%\" bgcolor=\"%2\">&nbsp;</td>"_s.arg(shown).arg(
                    seriesColour(i));
                used += shown;
            }
        }
        if (used < barShare)
            cells += u"<td width=\"%1%\">&nbsp;</td>"_s.arg(barShare - used);
        out += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" "
               u"style=\"margin-bottom:3px\"><tr>"
               "<td width=\"%1%\">%2</td>%3<td width=\"%4%\">%5</td></tr></table>\n"_s.arg(
                   QString::number(labelShare), esc(shortened(b.label)), cells,
                   QString::number(valueShare), esc(b.value)); // one pass: a label may hold "%4"
    }
    return out;
}

} // namespace podium::report
