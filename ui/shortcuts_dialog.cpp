#include "shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

void appendKeys(const QAction* a, bool canControl, QList<ShortcutsDialog::Listed>& out) {
    if (!canControl && a->property(shortcutNeedsControlProperty).toBool())
        return;
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts()) {
        // Qt adds the keys of old Sun keyboards (F14 for Undo) on X11: no moderator has them,
        // and "F14" in the list puzzled.
        if (k.count() == 1 && k[0].key() >= Qt::Key_F13 && k[0].key() <= Qt::Key_F35)
            continue;
        keys.append(k.toString(QKeySequence::NativeText));
    }
    const QString label = a->property(shortcutLabelProperty).toString();
    if (!keys.isEmpty())
        out.append(
            {label.isEmpty() ? QString(a->text()).remove(u'&') : label, keys.join(u"   "_s), a});
}

void collect(const QMenu* menu, bool canControl, QList<ShortcutsDialog::Listed>& out) {
    for (const QAction* a : menu->actions()) {
        if (a->menu())
            collect(a->menu(), canControl, out);
        else
            appendKeys(a, canControl, out);
    }
}

} // namespace

QList<ShortcutsDialog::Listed> ShortcutsDialog::listed(const QMenuBar* menus, bool canControl) {
    QList<Listed> out;
    for (const QAction* a : menus->actions()) {
        if (a->menu())
            collect(a->menu(), canControl, out);
    }
    // Keys that work on one list only (Alt+Up and Alt+Down on the queue) are in no menu, and
    // were missing here.
    for (const QAction* a : menus->window()->findChildren<QAction*>()) {
        if (a->shortcutContext() == Qt::WidgetShortcut)
            appendKeys(a, canControl, out);
    }
    return out;
}

QList<std::pair<QString, QString>> ShortcutsDialog::shortcutsIn(const QMenuBar* menus,
                                                                bool canControl) {
    QList<std::pair<QString, QString>> out;
    for (const Listed& l : listed(menus, canControl))
        out.append({l.text, l.keys});
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, bool canControl, QWidget* parent)
    : QDialog(parent)
    , m_list(new QTreeWidget) {
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    m_list->setObjectName(u"shortcutsList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    for (const Listed& l : listed(menus, canControl)) {
        auto* row = new QTreeWidgetItem(QStringList{l.text, l.keys});
        // Greyed here as in its menu, with why: a joined seat's Ctrl+O was listed as if it
        // worked there.
        if (!l.action->isEnabled()) {
            row->setDisabled(true);
            row->setToolTip(0, l.action->toolTip());
        }
        m_list->addTopLevelItem(row);
    }
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    if (!canControl) {
        auto* left = new QLabel(tr("This seat follows the session without changing it: the "
                                   "moderators' keys are left out."));
        left->setObjectName(u"shortcutsLeftOut"_s);
        left->setWordWrap(true);
        layout->addWidget(left);
    }
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(520, 480);
}

} // namespace podium
