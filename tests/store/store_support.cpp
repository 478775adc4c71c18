#include "store_support.h"

#include "plan/plan.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace podium::test {

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

namespace {

template <typename F> auto withConnection(const QString& path, F work) {
    const QString name = u"raw-"_s + QUuid::createUuid().toString();
    decltype(work(std::declval<QSqlDatabase>())) result{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open())
            result = work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

bool rawExec(const QString& path, const QStringList& statements) {
    return withConnection(path, [&](QSqlDatabase db) {
        QSqlQuery q(db);
        for (const QString& sql : statements) {
            if (!q.exec(sql)) {
                UNSCOPED_INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
                return false;
            }
        }
        return true;
    });
}

QVariant rawValue(const QString& path, const QString& sql) {
    return withConnection(path, [&](QSqlDatabase db) {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    });
}

QString integrityCheck(const QString& path) {
    return rawValue(path, u"PRAGMA integrity_check"_s).toString();
}

Command command(Action action, QCborMap args) {
    Command c;
    c.id = newCommandId();
    c.author = u"tester"_s;
    c.authority = Authority::Moderator;
    c.action = action;
    c.args = std::move(args);
    return c;
}

Seat::Seat(std::unique_ptr<SessionFile> f)
    : file(std::move(f)) {
    engine.setAuthor(u"tester"_s);
    file->attach(engine);
}

Result<Event> Seat::run(Action action, QCborMap args) {
    clock.advance(7'000);
    return engine.execute(command(action, std::move(args)));
}

std::unique_ptr<SessionFile> createOrFail(const QString& path) {
    auto file = SessionFile::create(path, demoPlan(), FakeClock().nowMs(), u"tester"_s);
    INFO(file.error().toStdString());
    REQUIRE(file);
    return std::move(file).value();
}

std::unique_ptr<SessionFile> openOrFail(const QString& path, OpenMode mode) {
    auto file = SessionFile::open(path, mode);
    INFO(file.error().toStdString());
    REQUIRE(file);
    return std::move(file).value();
}

Child::Child(const QStringList& args) {
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(STORE_CHILD), args);
    REQUIRE(m_process.waitForStarted(10'000));
}

Child::~Child() {
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

QString Child::readLine(int timeoutMs) {
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning || !m_process.waitForReadyRead(timeoutMs))
            return m_process.canReadLine() ? QString::fromUtf8(m_process.readLine()).trimmed()
                                           : QString();
    }
    return QString::fromUtf8(m_process.readLine()).trimmed();
}

QStringList Child::readAllLines() {
    QStringList lines;
    for (const QByteArray& line : m_process.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            lines << QString::fromUtf8(line);
    }
    return lines;
}

void Child::kill() {
    m_process.kill();
    m_process.waitForFinished(10'000);
}

bool Child::finish(int timeoutMs) {
    m_process.closeWriteChannel();
    return m_process.waitForFinished(timeoutMs);
}

} // namespace podium::test
