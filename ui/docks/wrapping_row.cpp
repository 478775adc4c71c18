#include "wrapping_row.h"

#include <QBoxLayout>
#include <QResizeEvent>
#include <algorithm>

namespace podium {
namespace {

// Each as wide as it asks: a button narrower than its text was cut to "ext speake".
int widthSideBySide(const QList<QWidget*>& widgets, int spacing) {
    int width = 0;
    for (const QWidget* w : widgets)
        width += w->sizeHint().width();
    return width + spacing * std::max<int>(0, int(widgets.size()) - 1);
}

} // namespace

WrappingRow::WrappingRow(QWidget* parent)
    : QWidget(parent)
    , m_rowsLayout(new QVBoxLayout(this))
    , m_firstRow(new QHBoxLayout)
    , m_secondRow(new QHBoxLayout) {
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    // The row's narrowest is that of two rows (minimumSizeHint), whatever it shows now.
    m_rowsLayout->setSizeConstraint(QLayout::SetNoConstraint);
    m_rowsLayout->addLayout(m_firstRow);
    m_rowsLayout->addLayout(m_secondRow);
}

void WrappingRow::addWidget(QWidget* widget) {
    m_widgets << widget;
    arrange(m_rows);
}

qsizetype WrappingRow::inFirstRow(int rows) const {
    return rows == 1 ? m_widgets.size() : (m_widgets.size() + 1) / 2;
}

QSize WrappingRow::minimumSizeHint() const {
    const qsizetype first = inFirstRow(2);
    const int spacing = m_firstRow->spacing();
    const int width = std::max(widthSideBySide(m_widgets.mid(0, first), spacing),
                               widthSideBySide(m_widgets.mid(first), spacing));
    return {width, m_rowsLayout->minimumSize().height()};
}

void WrappingRow::resizeEvent(QResizeEvent* event) {
    fitRows(event->size().width());
    QWidget::resizeEvent(event);
}

// A button's text may grow at the same width ("Start" becomes "Resume").
bool WrappingRow::event(QEvent* event) {
    if (event->type() == QEvent::LayoutRequest)
        fitRows(width());
    return QWidget::event(event);
}

void WrappingRow::fitRows(int width) {
    const int rows = width >= widthSideBySide(m_widgets, m_firstRow->spacing()) ? 1 : 2;
    if (rows != m_rows)
        arrange(rows);
}

void WrappingRow::arrange(int rows) {
    m_rows = rows;
    const qsizetype first = inFirstRow(rows);
    for (qsizetype i = 0; i < m_widgets.size(); ++i)
        (i < first ? m_firstRow : m_secondRow)->addWidget(m_widgets[i]); // moves it
    updateGeometry();                                                    // its height changed
}

} // namespace podium
