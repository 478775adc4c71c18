#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QString>

// What the session file's parts say, in one translation context, and paths as the user's system
// writes them.
namespace podium::store::text {

inline QString tr(const char* text) {
    return QCoreApplication::translate("podium::SessionFile", text);
}

inline QString native(const QString& path) {
    return QDir::toNativeSeparators(path);
}

} // namespace podium::store::text
