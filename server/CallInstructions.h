#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace centrale::server {

// The spoken instruction a phone hears before the beep of a recording by call ("record your message
// after the beep…"), in French, Dutch and English, as G.711 A-law, 8 kHz, mono samples.
class CallInstructions final {
    Q_DECLARE_TR_FUNCTIONS(CallInstructions)
public:
    // fr, nl, en: the languages an instruction exists in.
    static const QStringList &languages();
    // The recordings built into the server (server/resources/README.md says how they were made).
    static Result<CallInstructions> builtIn();
    // An operator's own: DIR/fr.wav, DIR/nl.wav and DIR/en.wav, in any format libsndfile reads,
    // converted to A-law 8 kHz. All three must be there: a call never falls back silently.
    static Result<CallInstructions> fromDirectory(const QString &dir);

    // language's A-law samples; an empty array: only the beep is played.
    void set(const QString &language, const QByteArray &alaw) { m_alaw.insert(language, alaw); }
    // The instruction in language, else in English; empty when there is none.
    QByteArray forLanguage(const QString &language) const;

private:
    // The file at path (a file or a Qt resource) as A-law 8 kHz; name is how messages call it.
    static Result<QByteArray> load(const QString &path, const QString &name);

    QHash<QString, QByteArray> m_alaw;
};

} // namespace centrale::server
