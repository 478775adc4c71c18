#include "main_window.h"

#include "engine/session_engine.h"

namespace podium {

MainWindow::MainWindow(SessionEngine& engine, QWidget* parent)
    : QMainWindow(parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(m_engine.state().info.title);
}

} // namespace podium
