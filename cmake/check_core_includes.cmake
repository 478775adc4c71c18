# Fails when a file under DIR includes a Qt Gui, Widgets or Multimedia header. podium_core links
# only Qt Core, Network and Sql, but Qt's include root is on its path, so without this check a
# header such as <QtWidgets/QWidget> would still compile there.
# Usage: cmake -DDIR=<folder> -P check_core_includes.cmake
file(GLOB_RECURSE sources "${DIR}/*.h" "${DIR}/*.cpp")
set(ui_header "#[ \t]*include[ \t]*[<\"](QtWidgets|QtGui|QtMultimedia|QtCharts|QtSvg|QWidget|QApplication|QGuiApplication|QPainter|QColor|QImage|QPixmap|QIcon|QFont|QSoundEffect|QMediaPlayer|QTextDocument|QPdfWriter)[/>\"]")
set(offenders "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "${ui_header}")
    if(hits)
        list(APPEND offenders "${source}: ${hits}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " listing)
    message(FATAL_ERROR "core/ must not use Qt Gui, Widgets or Multimedia:\n  ${listing}")
endif()
