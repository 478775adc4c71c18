#pragma once

#include "report.h"

#include <QLocale>
#include <QString>

namespace podium::report {

// Browser: a self-contained page (inline CSS, inline SVG charts, no external resource).
// RichText: the subset Qt's QTextDocument renders (the PDF and the live preview), with charts
// drawn as coloured table cells.
enum class HtmlFlavor { Browser, RichText };

// Every name and note is escaped: markup characters in them are shown, never interpreted.
QString toHtml(const Report& report, const QLocale& locale = QLocale(),
               HtmlFlavor flavor = HtmlFlavor::Browser);

} // namespace podium::report
