#include "ui_support.h"

#include "model/codec.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace podium::test {

void useTemporarySettings() {
    static QTemporaryDir dir;
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"PodiumTests"_s);
    QCoreApplication::setApplicationName(u"podium-ui-tests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
}

QByteArray CockpitHarness::digest() const {
    return codec::digest(state());
}

} // namespace podium::test
