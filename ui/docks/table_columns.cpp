#include "table_columns.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace podium {

void sizeColumnsToLabels(QTreeView* view, const QMap<int, QStringList>& columns) {
    const QFontMetrics metrics(view->font());
    const int padding = 3 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 16;
    for (const auto& [column, labels] : columns.asKeyValueRange()) {
        int width = metrics.horizontalAdvance(
            view->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        for (const QString& l : labels)
            width = qMax(width, metrics.horizontalAdvance(l));
        view->header()->resizeSection(column, width + padding);
    }
}

namespace {

QString hiddenColumnsKey(const QTreeView* view) {
    return u"columns/%1/hidden"_s.arg(view->objectName());
}

// Kept as text ("3,6"; "" when all show): QSettings writes an empty list as @Invalid(), which
// reads back as no choice at all, and the defaults would come back after a restart.
QString hiddenColumns(const QTreeView* view) {
    QStringList hidden;
    for (int c = 0; c < view->header()->count(); ++c) {
        if (view->header()->isSectionHidden(c))
            hidden << QString::number(c);
    }
    return hidden.join(u',');
}

void showColumnMenu(QTreeView* view, int keptColumn, const QPoint& at) {
    auto* menu = new QMenu(view);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(u"columnMenu"_s);
    QHeaderView* header = view->header();
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

} // namespace

void offerColumnChoice(QTreeView* view, int keptColumn, const QList<int>& hiddenByDefault) {
    const QVariant saved = QSettings().value(hiddenColumnsKey(view));
    QList<int> hidden = hiddenByDefault;
    if (saved.isValid()) {
        hidden.clear();
        for (const QString& c : saved.toString().split(u',', Qt::SkipEmptyParts))
            hidden << c.toInt();
    }
    QHeaderView* header = view->header();
    for (int c = 0; c < header->count(); ++c)
        header->setSectionHidden(c, c != keptColumn && hidden.contains(c));
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        header, &QHeaderView::customContextMenuRequested, view,
        [view, keptColumn](const QPoint& at) { showColumnMenu(view, keptColumn, at); });
}

} // namespace podium
