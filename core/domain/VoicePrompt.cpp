#include "domain/VoicePrompt.h"

#include "domain/JsonReader.h"
#include "domain/Validators.h"

namespace centrale {

QString VoicePrompt::originName(Origin origin)
{
    switch (origin) {
    case Origin::ImportedFile: return QStringLiteral("imported");
    case Origin::RecordedLocally: return QStringLiteral("recorded");
    case Origin::RecordedByCall: return QStringLiteral("call");
    }
    return {};
}

QString VoicePrompt::originLabel(Origin origin)
{
    switch (origin) {
    case Origin::ImportedFile: return tr("Imported file");
    case Origin::RecordedLocally: return tr("Recorded locally");
    case Origin::RecordedByCall: return tr("Recorded by call");
    }
    return {};
}

Result<VoicePrompt::Origin> VoicePrompt::originFromName(const QString &name)
{
    for (Origin o : {Origin::ImportedFile, Origin::RecordedLocally, Origin::RecordedByCall}) {
        if (originName(o) == name)
            return o;
    }
    return Error::invalid(tr("%1 is not a known prompt origin.").arg(name), QStringLiteral("origin"));
}

Status VoicePrompt::normaliseAndValidate()
{
    name = name.trimmed();
    if (Status s = Validators::requiredText(name, tr("Prompt name"), QStringLiteral("name"), 64); !s)
        return s;
    if (Status s = Validators::optionalText(description, tr("Description"), QStringLiteral("description"), 2000); !s)
        return s;
    if (durationMs < 0)
        return Error::invalid(tr("The duration of a prompt cannot be negative."), QStringLiteral("duration"));
    return {};
}

QJsonObject VoicePrompt::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("description"), description},
            {QStringLiteral("durationMs"), durationMs},
            {QStringLiteral("origin"), originName(origin)},
            {QStringLiteral("sourceFile"), sourceFile},
            {QStringLiteral("peakDbfs"), peakDbfs},
            {QStringLiteral("rmsDbfs"), rmsDbfs}};
    // The audio travels with the change, so that the outbox alone can rebuild the prompt.
    if (!audio.isEmpty())
        o.insert(QStringLiteral("audio"), QString::fromLatin1(audio.toBase64()));
    return o;
}

Result<VoicePrompt> VoicePrompt::fromJson(const QJsonObject &json)
{
    VoicePrompt p;
    JsonReader r(json);
    r.readRecord(p);
    r.readString("name", p.name);
    r.readString("description", p.description);
    r.readInt64("durationMs", p.durationMs);
    r.readEnum("origin", p.origin, {Origin::ImportedFile, Origin::RecordedLocally, Origin::RecordedByCall}, &originName);
    r.readString("sourceFile", p.sourceFile);
    r.readDouble("peakDbfs", p.peakDbfs);
    r.readDouble("rmsDbfs", p.rmsDbfs);
    r.readBase64("audio", p.audio);
    return r.result(p);
}

} // namespace centrale
