#include "pdf.h"

#include "pages.h"
#include "report/format.h"
#include "report/html.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace podium::report {

Result<QByteArray> pdfBytes(const Report& report, const QLocale& locale,
                            const Meanwhile& meanwhile) {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Result<QByteArray>::failure(tr("Writing a PDF needs the graphical application."));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        // The pages keep 2 cm around the text themselves, as QTextDocument::print() does.
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(report.info.title.isEmpty() ? tr("Session report") : report.info.title);
        writer.setCreator(u"Podium"_s);
        QTextDocument doc;
        doc.setHtml(toHtml(report, locale, HtmlFlavor::RichText));
        layOutOnPages(doc, writer, meanwhile);
        printPages(doc, writer, meanwhile);
    }
    if (bytes.isEmpty())
        return Result<QByteArray>::failure(tr("The PDF writer produced nothing."));
    return bytes;
}

int pdfPageCount(const QByteArray& pdf) {
    static const QRegularExpression page(u"/Type\\s*/Page(?![a-zA-Z])"_s);
    int pages = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++pages;
    return pages;
}

Result<QStringList> exportReport(const Report& report, ReportFormat format, const QString& path,
                                 const QLocale& locale, const Meanwhile& meanwhile) {
    if (format != ReportFormat::Pdf)
        return writeReport(report, format, path, locale);
    auto bytes = pdfBytes(report, locale, meanwhile);
    if (!bytes)
        return Result<QStringList>::failure(bytes.error());
    if (auto ok = writeFileAtomically(path, *bytes); !ok)
        return Result<QStringList>::failure(ok.error());
    return QStringList{path};
}

} // namespace podium::report
