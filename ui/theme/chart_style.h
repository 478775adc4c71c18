#pragma once

class QChart;
class QPalette;

namespace podium {

// Qt Charts draws dark text on its own light theme; this makes a chart's titles, labels, legend
// and grid follow the window's palette, so charts stay legible in the dark and high-contrast
// themes.
void followPalette(QChart* chart, const QPalette& palette);

} // namespace podium
