#pragma once

#include "audio/PromptConverter.h"
#include "domain/VoicePrompt.h"

namespace centrale {

class PromptRepository;

// The organisation's voice prompts with their audio: converts what the administrator brings
// (a file, a local recording) to A-law 8 kHz mono and keeps it in the store, where it travels
// with the outbox. Nothing is stored unless the conversion succeeded.
class PromptLibrary final {
    Q_DECLARE_TR_FUNCTIONS(PromptLibrary)
public:
    explicit PromptLibrary(PromptRepository &prompts) : m_prompts(prompts) {}

    // A new prompt from a converted recording or file.
    Result<VoicePrompt> add(const QString &name, const QString &description, const PromptConverter::Conversion &conversion,
                            VoicePrompt::Origin origin, const QString &sourceFile = {});
    // Converts the file, then stores it as a new prompt named name.
    Result<VoicePrompt> importFile(const QString &path, const QString &name, const QString &description,
                                   const PromptConverter::Options &options = {});
    // New audio for an existing prompt (a retake, another file).
    Status replaceAudio(const QString &promptId, const PromptConverter::Conversion &conversion, VoicePrompt::Origin origin,
                        const QString &sourceFile = {});
    // Writes the prompt's A-law WAV; the file appears whole or not at all.
    Status exportWav(const QString &promptId, const QString &outputPath);
    // Refused while a calendar event plays the prompt; the message names the events.
    Status remove(const QString &promptId);

private:
    static void describe(VoicePrompt &prompt, const PromptConverter::Conversion &conversion, VoicePrompt::Origin origin,
                         const QString &sourceFile);
    PromptRepository &m_prompts;
};

} // namespace centrale
