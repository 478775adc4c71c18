#include "shortcuts_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

void appendKeys(const QAction* a, QList<std::pair<QString, QString>>& out) {
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
            {label.isEmpty() ? QString(a->text()).remove(u'&') : label, keys.join(u"   "_s)});
}

void collect(const QMenu* menu, QList<std::pair<QString, QString>>& out) {
    for (const QAction* a : menu->actions()) {
        if (a->menu())
            collect(a->menu(), out);
        else
            appendKeys(a, out);
    }
}

} // namespace

QList<std::pair<QString, QString>> ShortcutsDialog::shortcutsIn(const QMenuBar* menus) {
    QList<std::pair<QString, QString>> out;
    for (const QAction* a : menus->actions()) {
        if (a->menu())
            collect(a->menu(), out);
    }
    // Keys that work on one list only (Alt+Up and Alt+Down on the queue) are in no menu, and
    // were missing here.
    for (const QAction* a : menus->window()->findChildren<QAction*>()) {
        if (a->shortcutContext() == Qt::WidgetShortcut)
            appendKeys(a, out);
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent)
    : QDialog(parent)
    , m_list(new QTreeWidget) {
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    m_list->setObjectName(u"shortcutsList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    for (const auto& [text, keys] : shortcutsIn(menus))
        m_list->addTopLevelItem(new QTreeWidgetItem(QStringList{text, keys}));
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(520, 480);
}

} // namespace podium
