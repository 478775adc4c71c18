#pragma once

#include <QList>
#include <QWidget>

class QBoxLayout;

namespace podium {

// Buttons side by side while there is room for them all, in two rows when there is not. The
// floor's five buttons held their panel to 520 pixels: in a window made half a laptop's screen
// wide (beside the video call), the queue beside it was left a 28-pixel field for names.
class WrappingRow : public QWidget {
    Q_OBJECT
public:
    explicit WrappingRow(QWidget* parent = nullptr);
    void addWidget(QWidget* widget);
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    qsizetype inFirstRow(int rows) const;
    void fitRows(int width);
    void arrange(int rows);

    QBoxLayout* m_rowsLayout;
    QBoxLayout* m_firstRow;
    QBoxLayout* m_secondRow;
    QList<QWidget*> m_widgets;
    int m_rows = 1;
};

} // namespace podium
