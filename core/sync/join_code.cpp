#include "join_code.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSslCipher>
#include <QSslSocket>
#include <cstring>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
const QByteArray hintPrefix = QByteArrayLiteral("podium/1 salt=");

// XXXX-XXXX-XXXX, for reading aloud.
QString grouped(const QString& normalized) {
    QString code;
    for (int i = 0; i < normalized.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            code += u'-';
        code += normalized[i];
    }
    return code;
}

} // namespace

QString generateJoinCode() {
    QString code;
    auto* rng = QRandomGenerator::system();
    for (int i = 0; i < codeSymbols; ++i)
        code += QChar::fromLatin1(alphabet[rng->bounded(32)]);
    return grouped(code);
}

std::optional<QString> normalizeJoinCode(const QString& typed) {
    QString code;
    for (QChar c : typed.toUpper()) {
        if (c == u'-' || c.isSpace())
            continue;
        if (c == u'O')
            c = u'0';
        else if (c == u'I' || c == u'L')
            c = u'1';
        if (c.unicode() > 127 || !std::strchr(alphabet, char(c.unicode())))
            return std::nullopt;
        code += c;
    }
    if (code.size() != codeSymbols)
        return std::nullopt;
    return code;
}

std::optional<QString> groupedJoinCode(const QString& typed) {
    const auto code = normalizeJoinCode(typed);
    return code ? std::optional(grouped(*code)) : std::nullopt;
}

QByteArray generateSalt() {
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(salt.data()), 4);
    return salt;
}

QByteArray deriveKey(const QString& code, const QByteArray& salt) {
    static QMutex mutex;
    static QHash<QByteArray, QByteArray> cache;
    const QByteArray normalized = normalizeJoinCode(code).value_or(code).toUtf8();
    const QByteArray cacheKey = normalized + '\0' + salt;
    {
        QMutexLocker lock(&mutex);
        if (auto it = cache.constFind(cacheKey); it != cache.cend())
            return *it;
    }
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, normalized, QByteArrayLiteral("podium-psk-v1") + salt,
        kdfIterations, 32);
    QMutexLocker lock(&mutex);
    // A few codes and salts are all a seat meets; a host answering with a new salt at every
    // attempt (anyone can run one) must not grow this without end.
    if (cache.size() >= 32)
        cache.clear();
    cache.insert(cacheKey, key);
    return key;
}

QByteArray identityFor(const QByteArray& key) {
    const QByteArray tag = QMessageAuthenticationCode::hash(QByteArrayLiteral("podium identity v1"),
                                                            key, QCryptographicHash::Sha256);
    return QByteArrayLiteral("podium/1 ") + tag.left(12).toHex();
}

QByteArray identityHint(const QByteArray& salt) {
    return hintPrefix + salt.toHex();
}

std::optional<QByteArray> saltFromHint(const QByteArray& hint) {
    if (!hint.startsWith(hintPrefix))
        return std::nullopt;
    const QByteArray salt = QByteArray::fromHex(hint.mid(hintPrefix.size()));
    if (salt.size() != 16)
        return std::nullopt;
    return salt;
}

JoinCodes JoinCodes::generate() {
    return {generateJoinCode(), generateJoinCode(), generateSalt()};
}

bool JoinCodes::isValid() const {
    const auto c = normalizeJoinCode(control);
    const auto r = normalizeJoinCode(readOnly);
    return c && r && *c != *r && salt.size() == 16; // one code must never grant both roles
}

QString JoinCodes::toText() const {
    return control + u' ' + readOnly + u' ' + QString::fromLatin1(salt.toHex());
}

std::optional<JoinCodes> JoinCodes::fromText(const QString& text) {
    const QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
    if (parts.size() != 3)
        return std::nullopt;
    JoinCodes codes{parts[0], parts[1], QByteArray::fromHex(parts[2].toLatin1())};
    if (!codes.isValid())
        return std::nullopt;
    codes.control = *groupedJoinCode(codes.control);
    codes.readOnly = *groupedJoinCode(codes.readOnly);
    return codes;
}

QSslConfiguration pskConfiguration() {
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2);
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    c.setCiphers({QSslCipher(u"ECDHE-PSK-CHACHA20-POLY1305"_s),
                  QSslCipher(u"ECDHE-PSK-AES256-CBC-SHA384"_s)});
    return c;
}

} // namespace podium::sync
