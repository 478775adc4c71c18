#include "pages.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <functional>
#include <limits>
#include <optional>

namespace podium::report {
namespace {

// As QTextDocument::print() keeps.
qreal marginOn(const QPaintDevice& device) {
    return 2 / 2.54 * device.logicalDpiY();
}

// What must not be cut by a page's foot: a table's row with the notes under it, or a heading with
// what follows it.
struct Unit {
    QTextTable* table = nullptr; // the unit is this table's rows from `row` on
    int row = 0;
    QTextBlock heading;           // or this heading (and the headings right after it)
    QList<QTextBlock> measured;   // whose extent it is
    bool lastByFirstLine = false; // of the last measured block only the first line counts
    bool endsTable = false;       // its rows are the table's last
};

QList<QTextBlock> blocksOf(const QTextTableCell& cell) {
    QList<QTextBlock> blocks;
    const QTextBlock last = cell.lastCursorPosition().block();
    for (QTextBlock b = cell.firstCursorPosition().block(); b.isValid(); b = b.next()) {
        blocks.append(b);
        if (b == last)
            break;
    }
    return blocks;
}

// The report's notes sit in a row under their speech: an empty first cell, then one spanning the
// rest.
bool isNotesRow(const QTextTable& table, int row) {
    return table.columns() > 2 && table.cellAt(row, 1).columnSpan() == table.columns() - 1;
}

// Rows from `first` on, with the notes rows under the last; the header rows go with the first row
// after them (print() repeats them on each page, but they must not end a page alone).
Unit rowGroup(QTextTable& table, int first, int* next) {
    int end = first + 1;
    if (first == 0)
        end = qMin(table.rows(), table.format().headerRowCount() + 1);
    // A short table (a poll's tallies, a balance table) goes over whole: cut, a page began with
    // its header over the Total row alone. Short in rows and in height: a few speeches with long
    // notes, taller than a page as one unit, were cut anywhere.
    constexpr int shortTableRows = 12;
    const QTextDocument& doc = *table.document();
    if (first == 0 && table.rows() <= shortTableRows &&
        doc.documentLayout()->frameBoundingRect(&table).height() <= doc.pageSize().height() / 2)
        end = table.rows();
    while (end < table.rows() && isNotesRow(table, end))
        ++end;
    *next = end;
    Unit unit{&table, first, {}, {}, false, end == table.rows()};
    for (int row = first; row < end; ++row) {
        for (int column = 0; column < table.columns(); ++column) {
            const QTextTableCell cell = table.cellAt(row, column);
            if (cell.row() == row && cell.column() == column) // not spanning from elsewhere
                unit.measured.append(blocksOf(cell));
        }
    }
    return unit;
}

QList<Unit> rowsOf(QTextTable& table) {
    QList<Unit> rows;
    for (int row = 0, next = 0; row < table.rows(); row = next)
        rows.append(rowGroup(table, row, &next));
    return rows;
}

// A bar chart in rich text is a paragraph (its title and legend), then one table of one row per
// bar (core/report/chart.cpp).
bool isBar(const QTextTable& table) {
    return table.rows() == 1 && table.format().headerRowCount() == 0;
}

// The units of the document's main flow, in order. A heading (or headings one after another)
// goes with the first line of the paragraph after it, or the first row of the table after it. A
// bar chart goes whole: cut, a page ended with its legend and one bar, and the other bars began
// the next without their title.
QList<Unit> unitsOf(const QTextDocument& doc) {
    QList<Unit> units;
    std::optional<Unit> heading;
    QTextBlock paragraph; // the last one, while nothing else has come after it
    bool chart = false;   // the last unit is a chart's, and takes the bars that follow
    const auto closeHeading = [&](const QList<QTextBlock>& following, bool byFirstLine) {
        heading->measured.append(following);
        heading->lastByFirstLine = byFirstLine;
        units.append(*heading);
        heading.reset();
    };
    const auto addBar = [&](QTextTable& bar) {
        if (!chart) {
            // A heading's unit that ends with the chart's title takes the chart too.
            if (!units.isEmpty() && units.last().heading.isValid() &&
                units.last().measured.last() == paragraph)
                units.last().lastByFirstLine = false;
            else
                units.append(Unit{nullptr, 0, paragraph, {paragraph}, false, false});
            chart = true;
        }
        int next = 0;
        units.last().measured.append(rowGroup(bar, 0, &next).measured);
    };
    for (auto it = doc.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (auto* table = qobject_cast<QTextTable*>(it.currentFrame())) {
            if (!heading && isBar(*table) && (chart || paragraph.isValid())) {
                addBar(*table);
                paragraph = {};
                continue;
            }
            chart = false;
            paragraph = {};
            const QList<Unit> rows = rowsOf(*table);
            if (heading && !rows.isEmpty())
                closeHeading(rows.first().measured, false);
            units.append(rows);
            continue;
        }
        const QTextBlock block = it.currentBlock();
        if (!block.isValid() || block.length() <= 1)
            continue; // an empty block (Qt puts one around each table)
        chart = false;
        paragraph = {};
        if (block.blockFormat().headingLevel() > 0) {
            if (!heading)
                heading = Unit{nullptr, 0, block, {}, false, false};
            heading->measured.append(block);
            continue;
        }
        if (heading)
            closeHeading({block}, true);
        paragraph = block;
    }
    if (heading)
        units.append(*heading);
    return units;
}

struct Extent {
    qreal top = 0;
    qreal bottom = 0;
};

Extent extentOf(const QTextDocument& doc, const Unit& unit) {
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    Extent e{std::numeric_limits<qreal>::max(), std::numeric_limits<qreal>::lowest()};
    for (const QTextBlock& b : unit.measured) {
        QRectF r = layout->blockBoundingRect(b);
        if (b.layout()->lineCount() > 0) {
            // Where its first line is: one that did not fit went over by itself, and its block
            // still began on the page before (a break before it then went over two pages).
            const QTextLine line = b.layout()->lineAt(0);
            if (unit.lastByFirstLine && b == unit.measured.last())
                r.setBottom(r.top() + line.y() + line.height());
            r.setTop(r.top() + line.y());
        }
        e.top = qMin(e.top, r.top());
        e.bottom = qMax(e.bottom, r.bottom());
    }
    return e;
}

// Makes `change` and lays the document out again, whole and once. Whole: laid out from the change
// on, Qt left out the notes written between speeches after a speech log that crossed a page.
// Once: a layout for each cell changed, then one of the whole, took a 56-page report 25 s. The
// layout is done at the edit block's end, over all it changed, here from the first block to the
// last.
void changeAndLayOutWhole(QTextDocument& doc, const std::function<void()>& change) {
    QTextCursor edit(&doc);
    edit.beginEditBlock();
    for (const QTextBlock& b : {doc.firstBlock(), doc.lastBlock()})
        QTextCursor(b).setBlockFormat(b.blockFormat());
    change();
    edit.endEditBlock();
}

// Down to the page's foot by its top margin, not by a page break: after a table that went over a
// page, Qt's layout is a page behind in where pages end, took a break, then took one again for a
// line that seemed not to fit, and left a page blank. (Measured again, for a margin Qt merged.)
void pushDownTo(QTextDocument& doc, const Unit& unit, qreal pageFoot) {
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    // Margins are in the document's pixels, laid out scaled to the device's (it overshot by 8 to
    // 20 mm at 300 dpi, and a heading that went over stood well down its new page).
    const QPaintDevice* device = layout->paintDevice();
    const qreal scale = device ? device->logicalDpiY() / 96.0 : 1.0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const qreal top = unit.table ? layout->frameBoundingRect(unit.table).top()
                                     : layout->blockBoundingRect(unit.heading).top();
        const qreal shortBy = pageFoot - top; // above the foot by this much (below it if negative)
        if (shortBy <= 0.5 && shortBy > -2 * scale)
            return;
        // A heading right after a table has no top margin of its own in Qt's layout (it stayed
        // at the page's foot, its text under it on the next): the table's bottom margin grows.
        QTextTable* tableBefore =
            unit.table ? nullptr : QTextCursor(unit.heading.previous()).currentTable();
        changeAndLayOutWhole(doc, [&] {
            if (unit.table || tableBefore) {
                QTextTable* table = unit.table ? unit.table : tableBefore;
                QTextTableFormat f = table->format();
                if (unit.table)
                    f.setTopMargin(qMax<qreal>(0, f.topMargin() + shortBy / scale));
                else
                    f.setBottomMargin(qMax<qreal>(0, f.bottomMargin() + shortBy / scale));
                table->setFormat(f);
            } else {
                QTextBlockFormat f = unit.heading.blockFormat();
                f.setTopMargin(qMax<qreal>(0, f.topMargin() + shortBy / scale));
                QTextCursor(unit.heading).setBlockFormat(f);
            }
        });
    }
}

// A row inside a table goes over by a break after the row above it: one before its own cells is
// taken twice (Qt moves a row whose cells all begin on the next page, then lays them out again,
// breaking again), and left a page with nothing but the repeated header.
void breakAfterRow(QTextTable& table, int row) {
    changeAndLayOutWhole(*table.document(), [&] {
        for (int column = 0; column < table.columns(); ++column) {
            const QTextTableCell cell = table.cellAt(row, column);
            if (cell.row() != row || cell.column() != column)
                continue;
            const QTextBlock last = cell.lastCursorPosition().block();
            QTextBlockFormat f = last.blockFormat();
            f.setPageBreakPolicy(f.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysAfter);
            QTextCursor(last).setBlockFormat(f);
        }
    });
}

void moveToNextPage(QTextDocument& doc, const Unit& unit, qreal pageFoot) {
    if (unit.table && unit.row > 0)
        breakAfterRow(*unit.table, unit.row - 1);
    else
        pushDownTo(doc, unit, pageFoot);
}

// One taller than a page stays where it is: it is cut wherever it goes.
void keepWhole(QTextDocument& doc, const Unit& unit) {
    const qreal pageHeight = doc.pageSize().height();
    const Extent e = extentOf(doc, unit);
    const qreal pageFoot = (pageAt(doc, e.top) + 1) * pageHeight;
    if (e.bottom > pageFoot + 0.5 && e.bottom - e.top <= pageHeight)
        moveToNextPage(doc, unit, pageFoot);
}

// Qt repeats a table's header rows on every page its frame reaches, its bottom margin included: a
// table whose last row ended just above a page's foot had its header drawn again at the top of the
// next page, over the heading laid out there. The margin goes there: what follows is on the next
// page anyway.
void keepMarginOffNextPage(QTextDocument& doc, QTextTable& table) {
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    qreal rowsBottom = 0;
    for (int column = 0; column < table.columns(); ++column) {
        const QTextBlock last = table.cellAt(table.rows() - 1, column).lastCursorPosition().block();
        rowsBottom = qMax(rowsBottom, layout->blockBoundingRect(last).bottom());
    }
    const qreal pageFoot = (pageAt(doc, rowsBottom - 1) + 1) * doc.pageSize().height();
    QTextTableFormat f = table.format();
    if (f.headerRowCount() == 0 || f.bottomMargin() == 0 ||
        layout->frameBoundingRect(&table).bottom() < pageFoot - 1)
        return;
    f.setBottomMargin(0);
    changeAndLayOutWhole(doc, [&] { table.setFormat(f); });
}

// Moving a unit moves everything after it, so the units are taken in order, each measured after
// the moves before it.
void keepUnitsWhole(QTextDocument& doc, const Meanwhile& meanwhile) {
    for (const Unit& unit : unitsOf(doc)) {
        if (meanwhile)
            meanwhile();
        keepWhole(doc, unit);
        if (unit.endsTable)
            keepMarginOffNextPage(doc, *unit.table);
    }
}

} // namespace

// A unit moved to the next page begins there within a rounding error (the layout counts in 64ths).
int pageAt(const QTextDocument& doc, qreal y) {
    return int((y + 0.5) / doc.pageSize().height());
}

// The margins stay out of the layout (which would scale them from 96 dpi to the device's): the
// pages are laid out as tall as the text on them, and drawn inside the margins.
void layOutOnPages(QTextDocument& doc, QPagedPaintDevice& device, const Meanwhile& meanwhile) {
    doc.documentLayout()->setPaintDevice(&device);
    doc.setDocumentMargin(0);
    const qreal margin = marginOn(device);
    doc.setPageSize(QSizeF(device.width() - 2 * margin, device.height() - 2 * margin));
    keepUnitsWhole(doc, meanwhile);
}

void printPages(const QTextDocument& doc, QPagedPaintDevice& device, const Meanwhile& meanwhile) {
    QPainter painter(&device);
    const QSizeF page = doc.pageSize();
    const qreal margin = marginOn(device);
    const QFontMetricsF metrics(doc.defaultFont(), &device);
    // Where print() puts the number: right-aligned at the text's edge, just under its foot.
    const QPointF numberAt(margin + page.width(), margin + page.height() + metrics.ascent() +
                                                      5 * device.logicalDpiY() / 72.0);
    for (int i = 0; i < doc.pageCount(); ++i) {
        if (meanwhile)
            meanwhile();
        if (i > 0)
            device.newPage();
        const QRectF view(0, i * page.height(), page.width(), page.height());
        painter.save();
        painter.translate(margin, margin - view.top());
        // A pixel in from the page's edges: a line that went over lies on the edge within the
        // layout's rounding, and drawn on both pages it was hidden text on the first (found twice
        // by search and screen readers).
        const QRectF inside = view.adjusted(0, 1, 0, -1);
        painter.setClipRect(inside);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = inside;
        context.palette.setColor(QPalette::Text, Qt::black);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
        const QString number = QString::number(i + 1);
        painter.setFont(doc.defaultFont());
        painter.drawText(QPointF(numberAt.x() - metrics.horizontalAdvance(number), numberAt.y()),
                         number);
    }
}

} // namespace podium::report
