#include "table_columns.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QTableView>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace podium {

QHeaderView* columnHeader(const QAbstractItemView* view) {
    if (const auto* tree = qobject_cast<const QTreeView*>(view))
        return tree->header();
    return qobject_cast<const QTableView*>(view)->horizontalHeader();
}

namespace {

// A cell's room besides its text.
int cellPadding(const QAbstractItemView* view) {
    return 3 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 16;
}

} // namespace

void sizeColumnsToLabels(QAbstractItemView* view, const QMap<int, QStringList>& columns) {
    const QFontMetrics metrics(view->font());
    const int padding = cellPadding(view);
    for (const auto& [column, labels] : columns.asKeyValueRange()) {
        int width = metrics.horizontalAdvance(
            view->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        for (const QString& l : labels)
            width = qMax(width, metrics.horizontalAdvance(l));
        columnHeader(view)->resizeSection(column, width + padding);
    }
}

namespace {

QString hiddenColumnsKey(const QAbstractItemView* view) {
    return u"columns/%1/hidden"_s.arg(view->objectName());
}

// Kept as text ("3,6"; "" when all show): QSettings writes an empty list as @Invalid(), which
// reads back as no choice at all, and the defaults would come back after a restart.
QString hiddenColumns(const QAbstractItemView* view) {
    const QHeaderView* header = columnHeader(view);
    QStringList hidden;
    for (int c = 0; c < header->count(); ++c) {
        if (header->isSectionHidden(c))
            hidden << QString::number(c);
    }
    return hidden.join(u',');
}

void showColumnMenu(QAbstractItemView* view, int keptColumn, const QPoint& at) {
    auto* menu = new QMenu(view);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(u"columnMenu"_s);
    QHeaderView* header = columnHeader(view);
    for (int c = 0; c < header->count(); ++c) {
        if (c == keptColumn)
            continue;
        QAction* shown =
            menu->addAction(view->model()->headerData(c, Qt::Horizontal).toString(), view,
                            [view, header, c](bool on) {
                                header->setSectionHidden(c, !on);
                                QSettings().setValue(hiddenColumnsKey(view), hiddenColumns(view));
                            });
        shown->setCheckable(true);
        shown->setChecked(!header->isSectionHidden(c));
    }
    menu->popup(header->mapToGlobal(at));
}

class ReadableColumn final : public QObject {
public:
    ReadableColumn(QAbstractItemView* view, int column, int chars)
        : QObject(view)
        , m_view(view)
        , m_column(column)
        , m_chars(chars) {
        view->viewport()->installEventFilter(this);
        // Another column resized, hidden or shown changes the room left.
        connect(columnHeader(view), &QHeaderView::sectionResized, this, [this](int section) {
            if (section != m_column)
                fit();
        });
        fit();
    }

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Resize)
            fit();
        return false;
    }

private:
    void fit() {
        QHeaderView* header = columnHeader(m_view);
        int others = 0;
        for (int c = 0; c < header->count(); ++c) {
            if (c != m_column && !header->isSectionHidden(c))
                others += header->sectionSize(c);
        }
        // Lower-case letters as names have them, and the cell's padding: the font's "average"
        // character is narrower, and "Wout De Natris" (14) was cut in a column of 16.
        const int minimum =
            m_view->fontMetrics().horizontalAdvance(QString(m_chars, u'n')) + cellPadding(m_view);
        const bool roomy = m_view->viewport()->width() - others >= minimum;
        header->setSectionResizeMode(m_column,
                                     roomy ? QHeaderView::Stretch : QHeaderView::Interactive);
        if (!roomy)
            header->resizeSection(m_column, minimum);
    }

    QAbstractItemView* m_view;
    int m_column;
    int m_chars;
};

} // namespace

void keepColumnReadable(QAbstractItemView* view, int column, int chars) {
    new ReadableColumn(view, column, chars);
}

void offerColumnChoice(QAbstractItemView* view, int keptColumn, const QList<int>& hiddenByDefault) {
    const QVariant saved = QSettings().value(hiddenColumnsKey(view));
    QList<int> hidden = hiddenByDefault;
    if (saved.isValid()) {
        hidden.clear();
        for (const QString& c : saved.toString().split(u',', Qt::SkipEmptyParts))
            hidden << c.toInt();
    }
    QHeaderView* header = columnHeader(view);
    for (int c = 0; c < header->count(); ++c)
        header->setSectionHidden(c, c != keptColumn && hidden.contains(c));
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        header, &QHeaderView::customContextMenuRequested, view,
        [view, keptColumn](const QPoint& at) { showColumnMenu(view, keptColumn, at); });
}

} // namespace podium
