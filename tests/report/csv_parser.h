#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// A strict RFC 4180 reader for the tests: records end in CRLF, a field with a comma, quote or
// line break must be quoted, quotes inside are doubled; anything else is an error.
namespace podium::test {

struct CsvParse {
    QList<QStringList> records;
    QString error; // empty when the text is valid
};

CsvParse parseCsv(const QByteArray& utf8);

} // namespace podium::test
