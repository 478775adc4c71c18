#pragma once

#include <QPagedPaintDevice>
#include <QTextDocument>
#include <functional>

// QTextDocument::print() breaks pages between any two lines: a speech's row in a table began at
// the foot of one page and ended on the next, and a heading could end a page with its text on
// the next. Here the report is laid out on the device's pages so that neither happens, and
// printed with the page numbers print() draws.
namespace podium::report {

// Called between the steps of a long layout or printing (a 56-page report takes seconds), so a
// window can keep its clock and its link going meanwhile.
using Meanwhile = std::function<void()>;

// Lays `doc` out on `device`'s pages, with print()'s 2 cm margins, and moves each table row
// (with the notes under it) and each heading that would be cut by a page's foot to the next page,
// where a table's header row is repeated over the rows that went over.
void layOutOnPages(QTextDocument& doc, QPagedPaintDevice& device, const Meanwhile& meanwhile = {});

// Each page of a document laid out by layOutOnPages(), numbered at its foot.
void printPages(const QTextDocument& doc, QPagedPaintDevice& device,
                const Meanwhile& meanwhile = {});

// The page (from 0) a point of the laid-out document is on.
int pageAt(const QTextDocument& doc, qreal y);

} // namespace podium::report
