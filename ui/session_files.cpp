#include "session_files.h"

#include "store/recent_files.h"
#include "store/session_check.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace podium {

SessionFiles::SessionFiles(SessionEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine) {}

SessionFiles::~SessionFiles() {
    m_engine.setJournal(nullptr);
}

QStringList SessionFiles::recentFiles() const {
    QSettings settings;
    return RecentFiles(settings).files();
}

void SessionFiles::adopt(std::unique_ptr<SessionFile> file, bool recent) {
    if (!file)
        return;
    // Detach before the old file closes, so no event is journalled into a closed database.
    m_engine.setJournal(nullptr);
    m_file = std::move(file);
    m_file->attach(m_engine);
    if (recent)
        RecentFiles(m_settings).add(QFileInfo(m_file->path()).absoluteFilePath());
    emit fileChanged(m_file.get());
}

Result<bool> SessionFiles::open(const QString& path) {
    if (m_file && QFileInfo(m_file->path()) == QFileInfo(path)) {
        // Already open here (a second handle would fight over the lock); but the window may
        // show a joined session's copy instead, after Disconnect: opening it did nothing.
        if (m_engine.state().sessionId != m_file->sessionId() ||
            m_engine.state().lastSeq != m_file->state().lastSeq) {
            m_engine.setJournal(nullptr);
            m_file->attach(m_engine);
            emit fileChanged(m_file.get());
        }
        return true;
    }
    if (m_handover) {
        if (auto held = m_handover(path)) {
            adopt(std::move(held));
            return true;
        }
    }
    auto file = SessionFile::open(path);
    if (!file)
        return Result<bool>::failure(file.error());
    adopt(std::move(file).value());
    return true;
}

Result<bool> SessionFiles::createFromPlan(const Plan& plan, const QString& path, bool replace) {
    if (replace && QFileInfo::exists(path)) {
        if (auto aside = moveToTrash(path); !aside)
            return aside;
    }
    auto file = SessionFile::create(path, plan, m_engine.now(), m_engine.author());
    if (!file)
        return Result<bool>::failure(file.error());
    adopt(std::move(file).value());
    return true;
}

// A session the user chose to replace goes to the trash, where it can be found again, with any
// journal a crash left beside it (which SQLite would replay into the new file); never the
// session open here, nor one another Podium has open. (New from plan asked "replace?", then
// refused with "already exists".)
Result<bool> SessionFiles::moveToTrash(const QString& path) {
    const auto fail = [](const QString& why) {
        return Result<bool>::failure(why);
    };
    if (m_file && QFileInfo(m_file->path()) == QFileInfo(path))
        return fail(QCoreApplication::translate("podium::SessionFiles",
                                                "%1 is the session open here: choose another name.")
                        .arg(QDir::toNativeSeparators(path)));
    auto lock = SessionFile::lockAgainstOthers(path);
    if (!lock)
        return fail(lock.error());
    // Qt 6.4 makes the home trash only in a data folder that exists; without one (a new account)
    // it moved the file into the current directory instead.
    QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
    for (const QString& file : {path, path + u"-wal"_s, path + u"-shm"_s}) {
        if (QFileInfo::exists(file) && !QFile::moveToTrash(file))
            return fail(QCoreApplication::translate("podium::SessionFiles",
                                                    "%1 could not be moved to the trash; it was "
                                                    "left as it was. Choose another name.")
                            .arg(QDir::toNativeSeparators(file)));
    }
    return true;
}

Result<bool> SessionFiles::saveAs(const QString& path) {
    if (!m_file) {
        return Result<bool>::failure(
            QCoreApplication::translate("podium::SessionFiles", "No session file is open."));
    }
    if (QFileInfo(m_file->path()) == QFileInfo(path))
        return true;
    if (auto copied = m_file->saveCopyAs(path, true); !copied)
        return copied;
    return open(path);
}

Result<QString> SessionFiles::salvage(const QString& damaged) {
    // Offered at start-up with --join, it ended the join as File → Open would, which is greyed
    // while joined.
    if (m_engine.isForwarding())
        return Result<QString>::failure(
            tr("This seat follows the host's session: Disconnect first (Connection panel), then "
               "open the damaged file again to carry on in a new file."));
    auto file = SessionFile::open(damaged, OpenMode::UpToDamage);
    if (!file)
        return Result<QString>::failure(file.error());
    const QString target = salvagedPathFor(damaged);
    if (auto saved = file.value()->saveSoundPartAs(target); !saved)
        return Result<QString>::failure(saved.error());
    if (auto opened = open(target); !opened)
        return Result<QString>::failure(opened.error());
    return target;
}

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::SessionFiles", text);
}

void offerSalvage(QMessageBox& box, SessionFiles& files, const QString& path,
                  const SalvageOffer& offer) {
    box.setInformativeText(
        tr("Podium can carry on in a new file, %1, holding this session as it stood before the "
           "damage, with all its notes; %2 The damaged file is left as it is.")
            .arg(QFileInfo(salvagedPathFor(path)).fileName(),
                 offer.lost == 1
                     ? tr("its last event cannot be read into it.")
                     : tr("its last %1 events cannot be read into it.").arg(offer.lost)));
    QPushButton* carryOn = box.addButton(tr("Carry on in a new file"), QMessageBox::AcceptRole);
    carryOn->setObjectName(u"salvageButton"_s);
    QObject::connect(carryOn, &QPushButton::clicked, &files,
                     [&files, path, parent = box.parentWidget()] {
                         if (auto salvaged = files.salvage(path); !salvaged)
                             QMessageBox::warning(parent, tr("Open session"), salvaged.error());
                     });
}

} // namespace

void sayWhyNotOpened(QWidget& window, SessionFiles& files, const QString& path,
                     const QString& reason, const QString& meanwhile) {
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Open session"),
                                meanwhile.isEmpty() ? reason : u"%1\n\n%2"_s.arg(reason, meanwhile),
                                QMessageBox::Close, &window);
    box->setObjectName(u"notOpenedBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto offer = salvageOfferFor(path))
        offerSalvage(*box, files, path, *offer);
    box->open();
}

} // namespace podium
