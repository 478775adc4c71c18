#pragma once

#include "report.h"

#include <QLocale>
#include <QString>

namespace podium::report {

// The report as Markdown (CommonMark with GitHub tables). Every name and note is escaped, so a
// name such as "<b>Ana</b> | R&D" shows as written.
QString toMarkdown(const Report& report, const QLocale& locale = QLocale());

// Plain text made safe for Markdown: punctuation that could start markup is backslash-escaped;
// inside a table cell, line breaks become <br> and pipes are escaped.
QString markdownEscaped(const QString& text, bool inTable = false);

} // namespace podium::report
