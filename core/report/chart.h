#pragma once

#include "document.h"

#include <QString>

// Bar charts as markup text: inline SVG for browsers, coloured table cells for Qt rich text.
namespace podium::report {

QString seriesColour(int series);
QString svgBarChart(const Chart& chart);
QString richTextBarChart(const Chart& chart);

} // namespace podium::report
