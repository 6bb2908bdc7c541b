#pragma once

#include "domain/VoicePrompt.h"
#include "store/Database.h"
#include "store/ListQuery.h"

namespace centrale {

// Where a prompt is used: a schedule event of a function number.
struct PromptUsage {
    QString functionId;
    QString functionName;
    QString eventId;
    QString eventTitle;
};

class PromptRepository final {
    Q_DECLARE_TR_FUNCTIONS(PromptRepository)
public:
    explicit PromptRepository(Database &db) : m_db(db) {}

    Result<VoicePrompt> create(VoicePrompt prompt);
    // Without audio; audio() loads it.
    Result<VoicePrompt> get(const QString &id);
    Result<VoicePrompt> findByName(const QString &name);
    Result<QByteArray> audio(const QString &id);
    // Updates metadata, and the audio when prompt.audio is not empty.
    Status update(VoicePrompt prompt);
    // Refused while a calendar event plays the prompt.
    Status remove(const QString &id);
    // Sort keys: name (default), duration, origin.
    Result<QList<VoicePrompt>> list(const ListQuery &query = {});
    Result<QList<PromptUsage>> usage(const QString &promptId);

private:
    Result<QList<VoicePrompt>> select(const QString &where, QVariantList binds, const ListQuery &query);
    Database &m_db;
};

} // namespace centrale
