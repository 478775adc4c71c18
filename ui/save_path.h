#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace podium {

// `path` ending in `.suffix`: a name typed without it would be hidden by the Open dialog's
// filter afterwards (and listed bare among the recent files).
QString withFileSuffix(const QString& path, const QString& suffix);

// A file name (without suffix) made of a title, for a save dialog to propose: what no file name
// may hold is left out; `fallback` if nothing is left.
QString fileNameOf(const QString& title, const QString& fallback);

// The folder the file dialogs start in: the last one a file was chosen in, else the user's
// documents (the working directory, where they started, was wherever Podium was launched from).
QString usualFolder();
void rememberFolderOf(const QString& file);

// A file to open of one type (`filter`); empty if the user cancels. Starts in usualFolder().
QString askOpenPath(QWidget* parent, const QString& title, const QString& filter);

// Where to save a file of one type (`filter`, e.g. "Podium sessions (*.podium)"); empty if the
// user cancels. A `proposed` name without a folder is in usualFolder(). A name typed without
// `suffix` gets it before the dialog checks for a file to replace: added afterwards, NAME.podium
// was replaced without a question when NAME was typed.
QString askSavePath(QWidget* parent, const QString& title, const QString& proposed,
                    const QString& filter, const QString& suffix);

// The same for several types, `suffixes[i]` going with `filters[i]`; `chosen` is the index of
// the type shown first, then of the one picked.
QString askSavePath(QWidget* parent, const QString& title, const QString& proposed,
                    const QStringList& filters, const QStringList& suffixes, int* chosen);

// `path` with `suffix` if it lacked it. Should that name a file that exists, which the dialog
// never asked about, the user is asked now; empty if they keep it.
QString confirmedSavePath(QWidget* parent, const QString& path, const QString& suffix);

} // namespace podium
