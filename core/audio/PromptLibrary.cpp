#include "audio/PromptLibrary.h"

#include "store/PromptRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace centrale {

void PromptLibrary::describe(VoicePrompt &prompt, const PromptConverter::Conversion &conversion, VoicePrompt::Origin origin,
                             const QString &sourceFile)
{
    prompt.audio = conversion.wav;
    prompt.durationMs = conversion.durationMs;
    prompt.peakDbfs = conversion.peakDbfs;
    prompt.rmsDbfs = conversion.rmsDbfs;
    prompt.origin = origin;
    prompt.sourceFile = sourceFile;
}

Result<VoicePrompt> PromptLibrary::add(const QString &name, const QString &description, const PromptConverter::Conversion &conversion,
                                       VoicePrompt::Origin origin, const QString &sourceFile)
{
    // Only audio the converter produced (and checked) is stored.
    if (auto decoded = PromptConverter::decodePrompt(conversion.wav); !decoded)
        return decoded.error();
    VoicePrompt prompt;
    prompt.name = name;
    prompt.description = description;
    describe(prompt, conversion, origin, sourceFile);
    return m_prompts.create(prompt);
}

Result<VoicePrompt> PromptLibrary::importFile(const QString &path, const QString &name, const QString &description,
                                              const PromptConverter::Options &options)
{
    // Check the name first: a long conversion should not end in "this name is taken".
    VoicePrompt probe;
    probe.name = name;
    if (Status s = probe.normaliseAndValidate(); !s)
        return s.error();
    if (m_prompts.findByName(probe.name))
        return Error{ErrorCode::Duplicate, PromptRepository::tr("A voice prompt named %1 already exists.").arg(probe.name), QStringLiteral("name")};
    auto conversion = PromptConverter().convertFile(path, options);
    if (!conversion)
        return conversion.error();
    return add(name, description, *conversion, VoicePrompt::Origin::ImportedFile, QFileInfo(path).fileName());
}

Status PromptLibrary::replaceAudio(const QString &promptId, const PromptConverter::Conversion &conversion, VoicePrompt::Origin origin,
                                   const QString &sourceFile)
{
    if (auto decoded = PromptConverter::decodePrompt(conversion.wav); !decoded)
        return decoded.error();
    auto prompt = m_prompts.get(promptId);
    if (!prompt)
        return prompt.error();
    describe(*prompt, conversion, origin, sourceFile);
    return m_prompts.update(*prompt);
}

Status PromptLibrary::exportWav(const QString &promptId, const QString &outputPath)
{
    auto prompt = m_prompts.get(promptId);
    if (!prompt)
        return prompt.error();
    auto audio = m_prompts.audio(promptId);
    if (!audio)
        return audio.error();
    if (audio->isEmpty())
        return Error{ErrorCode::NotFound, tr("The voice prompt %1 has no audio yet: import or record it first.").arg(prompt->name), {}};
    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(*audio) != audio->size() || !file.commit())
        return Error{ErrorCode::Io, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(outputPath), file.errorString()), {}};
    return {};
}

Status PromptLibrary::remove(const QString &promptId)
{
    return m_prompts.remove(promptId);
}

} // namespace centrale
