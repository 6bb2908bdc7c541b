// libFuzzer target for the prompt importer: arbitrary bytes, as if a user dropped any file.
// Built only with -DCENTRALE_FUZZ=ON and clang; scripts/fuzz.sh builds and runs it.
#include "audio/PromptConverter.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using centrale::PromptConverter;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    PromptConverter::Options options;
    options.maxSeconds = 120; // keeps each run short; the limit itself is part of what is tested
    // One bit of the input chooses normalisation, so that libebur128's path is fuzzed too.
    options.normaliseLoudness = size > 0 && (data[size - 1] & 1) != 0;
    const auto conversion = PromptConverter().convertBytes(bytes, QStringLiteral("fuzz.wav"), options);
    if (conversion.ok()) {
        // What the converter accepts, it must be able to read back.
        if (!PromptConverter::decodePrompt(conversion->wav).ok())
            __builtin_trap();
    } else if (conversion.error().message.isEmpty()) {
        __builtin_trap(); // every refusal says why
    }
    // The prompt reader on its own: it must refuse what is not a prompt without crashing.
    (void)PromptConverter::decodePrompt(bytes);
    return 0;
}
