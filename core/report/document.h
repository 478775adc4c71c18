#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The report's layout is written once against this small document vocabulary; the Markdown and
// HTML writers render it. All text handed over is plain text: writers escape it.
namespace podium::report {

struct Line {
    QString lead; // shown in bold before the text, e.g. "Key takeaway:"
    QString text;
};

struct Table {
    QStringList headers;
    QList<QStringList> rows;
    QList<QList<Line>> details; // per row (may be shorter than rows): lines shown under the row
    QList<int> numeric;         // columns aligned right
    QList<int> widths;          // a column's share of the width, in percent (0, or none: the
                                // writer shares the rest out by the columns' contents)
};

struct Bar {
    QString label;
    QList<qint64> parts; // one per series, stacked
    QString value;       // shown after the bar
};

struct Chart {
    QString title;
    QStringList series; // legend; one colour each
    QList<Bar> bars;
};

class DocumentWriter {
public:
    virtual ~DocumentWriter() = default;
    virtual void title(const QString& text, const QString& subtitle) = 0;
    virtual void heading(int level, const QString& text) = 0; // level 2 or 3
    virtual void paragraph(const QString& text) = 0;
    virtual void remark(const QString& text) = 0; // a quiet explanatory line
    virtual void list(const QList<Line>& items, bool numbered) = 0;
    virtual void facts(const QList<Line>& pairs) = 0; // label and value
    virtual void table(const Table& table) = 0;
    virtual void chart(const Chart& chart) = 0;
    virtual void pageBreak() = 0; // a good place for a new page in print
};

} // namespace podium::report
