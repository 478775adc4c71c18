#include "save_path.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace podium {

QString withFileSuffix(const QString& path, const QString& suffix) {
    if (path.isEmpty() || QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) == 0)
        return path;
    return path + u'.' + suffix;
}

QString fileNameOf(const QString& title, const QString& fallback) {
    QString name = title;
    // Letters of every script stay, with their marks (without the option, \w knows only ASCII;
    // without \p{M}, "इंटरनेट" lost its vowel signs and was written "इटरनट").
    name.replace(QRegularExpression(u"[^\\w\\p{M}\\-.'’ ]"_s,
                                    QRegularExpression::UseUnicodePropertiesOption),
                 u" "_s); // "Securing/the Internet" did not become "Securingthe Internet"
    name = name.simplified();
    while (name.startsWith(u'.')) // not a hidden file
        name.remove(0, 1);
    name = name.trimmed();
    return name.isEmpty() ? fallback : name.left(80);
}

QString askSavePath(QWidget* parent, const QString& title, const QString& proposed,
                    const QString& filter, const QString& suffix) {
    int chosen = 0;
    return askSavePath(parent, title, proposed, {filter}, {suffix}, &chosen);
}

namespace {
const QString lastFolderKey = u"files/lastFolder"_s;
} // namespace

QString usualFolder() {
    const QString last = QSettings().value(lastFolderKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

// A name typed into a folder that is not there is refused later ("The folder … does not
// exist."): the next dialog opened in the home folder, the last real one forgotten.
void rememberFolderOf(const QString& file) {
    const QString folder = QFileInfo(file).absolutePath();
    if (QFileInfo(folder).isDir())
        QSettings().setValue(lastFolderKey, folder);
}

QString askOpenPath(QWidget* parent, const QString& title, const QString& filter) {
    const QString path = QFileDialog::getOpenFileName(parent, title, usualFolder(), filter);
    if (!path.isEmpty())
        rememberFolderOf(path);
    return path;
}

QString askSavePath(QWidget* parent, const QString& title, const QString& proposed,
                    const QStringList& filters, const QStringList& suffixes, int* chosen) {
    QFileDialog dialog(parent, title,
                       QFileInfo(proposed).isAbsolute() ? proposed
                                                        : QDir(usualFolder()).filePath(proposed));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilters(filters);
    dialog.selectNameFilter(filters.value(*chosen));
    dialog.setDefaultSuffix(suffixes.value(*chosen));
    QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog, [&](const QString& filter) {
        dialog.setDefaultSuffix(suffixes.value(int(filters.indexOf(filter))));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    rememberFolderOf(path);
    // A name ending in one of the offered suffixes says its type, whichever filter was shown.
    const int named = int(suffixes.indexOf(QFileInfo(path).suffix().toLower()));
    if (named >= 0) {
        *chosen = named;
        return path;
    }
    *chosen = qMax(0, int(filters.indexOf(dialog.selectedNameFilter())));
    return confirmedSavePath(parent, path, suffixes.value(*chosen));
}

QString confirmedSavePath(QWidget* parent, const QString& path, const QString& suffix) {
    const QString target = withFileSuffix(path, suffix);
    if (target == path || !QFileInfo::exists(target))
        return target;
    const auto answer =
        QMessageBox::question(parent, QObject::tr("Replace the file?"),
                              QObject::tr("%1 already exists. Do you want to replace it?")
                                  .arg(QDir::toNativeSeparators(target)),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    return answer == QMessageBox::Yes ? target : QString();
}

} // namespace podium
