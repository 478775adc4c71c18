#pragma once

#include <QDialog>

class QAction;
class QMenuBar;
class QTreeWidget;

namespace podium {

// The name an action goes by in the list when its text changes with the state ("Start" or
// "Pause"): a dynamic property holding a translated string.
inline constexpr char shortcutLabelProperty[] = "shortcutLabel";
// Set (true) on an action that changes the shared session: a seat that cannot (the rapporteur's,
// a file open read-only) is not offered its keys. (Greyed, they read as "not now".)
inline constexpr char shortcutNeedsControlProperty[] = "shortcutNeedsControl";

// Help → Keyboard shortcuts: every action in the menus that has a shortcut, read from the
// actions themselves so the list can never drift from what the keys really do.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    // `canControl`: this seat may change the session (Cockpit::canControl).
    ShortcutsDialog(const QMenuBar* menus, bool canControl, QWidget* parent = nullptr);

    // (action text, shortcuts) pairs in menu order.
    static QList<std::pair<QString, QString>> shortcutsIn(const QMenuBar* menus,
                                                          bool canControl = true);
    struct Listed {
        QString text;
        QString keys;
        const QAction* action = nullptr;
    };
    static QList<Listed> listed(const QMenuBar* menus, bool canControl);

private:
    QTreeWidget* m_list;
};

} // namespace podium
