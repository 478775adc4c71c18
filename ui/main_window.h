#pragma once

#include <QMainWindow>

namespace podium {

class SessionEngine;

// Assembles the docks and menus around one session; holds no session logic of its own.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(SessionEngine& engine, QWidget* parent = nullptr);

private:
    SessionEngine& m_engine;
};

} // namespace podium
