#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace centrale::server {

// A record another record refers to: it cannot be deleted while referred to.
struct Reference {
    QString entity;
    QString id;
    QString field;
};

// What the server knows about one kind of record: where it lives in the API, how to check a body a
// client sent (through the same domain code the desktop uses: the server trusts no client), and
// the keys it is found, sorted and filtered by.
struct EntityType {
    QString name;            // the outbox's entity name: group, user, ...
    QString segment;         // the collection's path segment: groups, users, ...
    QString parentEntity;    // event: function (the record lives under /functions/{id}/events)
    QString parentField;     // event: functionId
    QStringList sortFields;  // the list's sort keys; the first is the default
    QString sortName;        // the contract's name for that default order, when not the first field
    QString defaultSort() const { return sortName.isEmpty() ? sortFields.first() : sortName; }

    // Rebuilds the record from an untrusted body, validates it and gives it back in its canonical
    // JSON. domain: the organisation's domain (usernames must end with it).
    std::function<Result<QJsonObject>(const QJsonObject &body, const QString &domain)> normalise;
    // Unique within the organisation (username, MAC, number, name), or empty.
    std::function<QString(const QJsonObject &record)> naturalKey;
    std::function<QString(const QJsonObject &record)> searchText;
    std::function<QList<Reference>(const QJsonObject &record)> references;
};

// What the server measures of a prompt's audio.
struct PromptAudioMeasure {
    qint64 durationMs = 0;
    double peakDbfs = 0.0;
    double rmsDbfs = 0.0;
};

class Entities final {
    Q_DECLARE_TR_FUNCTIONS(Entities)
public:
    static const QList<EntityType> &all();
    static const EntityType *byName(const QString &name);
    static const EntityType *bySegment(const QString &segment);
    // Lower case, accents removed: what filters compare.
    static QString fold(const QString &text);
    // Prompt audio: checks it is an A-law, 8 kHz, mono WAV and gives its duration.
    static Result<qint64> checkPromptAudio(const QByteArray &wav);
    // The same check, with the peak and RMS levels in dBFS.
    static Result<PromptAudioMeasure> measurePromptAudio(const QByteArray &wav);
};

} // namespace centrale::server
