#include "cli/CliSupport.h"

#include "platform/Platform.h"
#include "store/Store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace centrale {

CliParser::CliParser(const QString &description)
    : store(QStringLiteral("store"), tr("The store file to use (default: the per-user store)."), tr("path")),
      json(QStringLiteral("json"), tr("Print the result as JSON.")),
      help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."))
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({store, json, help});
}

int CliIo::parse(CliParser &p, const QStringList &args)
{
    if (!p.parser.parse(args)) {
        err << p.parser.errorText() << Qt::endl;
        return CliUsage;
    }
    if (p.parser.isSet(p.help)) {
        out << p.parser.helpText();
        out.flush();
        return CliSuccess;
    }
    return CliGoOn;
}

QString CliIo::storePath(const CliParser &p) const
{
    return p.parser.isSet(p.store) ? p.parser.value(p.store) : Platform::defaultStorePath();
}

int CliIo::openStore(Store &store, const QString &path)
{
    if (!QFileInfo::exists(path)) {
        err << tr("There is no store at %1. Create one with: centrale-cli demo --store %1").arg(QDir::toNativeSeparators(path)) << Qt::endl;
        return CliStoreError;
    }
    if (Status s = store.open(path); !s) {
        err << s.error().message << Qt::endl;
        return CliStoreError;
    }
    return CliGoOn;
}

void CliIo::printTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths << h.size();
    for (const QStringList &r : rows) {
        for (int i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], r.at(i).size());
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (int i = 0; i < cells.size(); ++i)
            text += (i + 1 < cells.size() ? cells.at(i).leftJustified(widths.at(i) + 2) : cells.at(i));
        out << text.trimmed() << '\n';
    };
    line(headers);
    for (const QStringList &r : rows)
        line(r);
    out.flush();
}

void CliIo::printJson(const QJsonValue &value)
{
    if (value.isArray())
        out << QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else
        out << QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    out.flush();
}

int CliIo::fail(const Error &error)
{
    err << error.message << Qt::endl;
    return error.code == ErrorCode::Storage || error.code == ErrorCode::Io ? CliStoreError : CliFailed;
}

} // namespace centrale
