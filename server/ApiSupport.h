#pragma once

// Small helpers the API's source files share.

#include "ApiTypes.h"
#include "common/Result.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QVariant>

namespace centrale::server {

inline QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline QJsonObject parse(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

inline QByteArray etag(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

// "5", "\"5\"" or W/"5" -> 5; -1 when it is not a version.
inline qint64 versionOf(QByteArray tag)
{
    tag = tag.trimmed();
    if (tag.startsWith("W/"))
        tag = tag.mid(2);
    if (tag.size() >= 2 && tag.startsWith('"') && tag.endsWith('"'))
        tag = tag.mid(1, tag.size() - 2);
    bool ok = false;
    const qint64 v = tag.toLongLong(&ok);
    return ok && v >= 0 ? v : -1;
}

inline QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate);
}

inline Problem unavailable(const Error &error)
{
    Problem p = Problem::make(503, QStringLiteral("unavailable"), error.message);
    p.retryAfter = 2;
    return p;
}

inline Problem validationProblem(const Error &error)
{
    Problem p = Problem::make(422, QStringLiteral("validation-failed"), error.message);
    p.fieldError(error.field.isEmpty() ? QStringLiteral("body") : error.field, QStringLiteral("invalid"), error.message);
    return p;
}

} // namespace centrale::server
