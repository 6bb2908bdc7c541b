#include "CallInstructions.h"

#include "audio/PromptConverter.h"

#include <QDir>
#include <QFileInfo>

namespace centrale::server {

namespace {
// Far longer than any instruction needs (a longer file is most likely the wrong one), and short
// enough for the minute of slack a job is given before it counts as abandoned (ApiCallJobs.cpp).
constexpr int kMaxInstructionSeconds = 30;
} // namespace

const QStringList &CallInstructions::languages()
{
    static const QStringList codes {QStringLiteral("fr"), QStringLiteral("nl"), QStringLiteral("en")};
    return codes;
}

Result<QByteArray> CallInstructions::load(const QString &path, const QString &name)
{
    // Through the prompt converter, like an uploaded prompt: any format libsndfile reads, down-mixed
    // and resampled to what the phone plays.
    PromptConverter::Options options;
    options.maxSeconds = kMaxInstructionSeconds;
    Result<PromptConverter::Conversion> converted = PromptConverter().convertFile(path, options);
    if (!converted)
        return Error {converted.error().code, tr("The spoken instruction %1 cannot be used: %2").arg(name, converted.error().message), {}};
    Result<QByteArray> alaw = PromptConverter::promptAlaw(converted->wav);
    if (!alaw)
        return Error {alaw.error().code, tr("The spoken instruction %1 cannot be used: %2").arg(name, alaw.error().message), {}};
    return alaw;
}

Result<CallInstructions> CallInstructions::builtIn()
{
    CallInstructions instructions;
    for (const QString &language : languages()) {
        const QString path = QStringLiteral(":/call-instructions/call-instruction-%1.wav").arg(language);
        Result<QByteArray> alaw = load(path, path);
        if (!alaw)
            return alaw.error();
        instructions.set(language, *alaw);
    }
    return instructions;
}

Result<CallInstructions> CallInstructions::fromDirectory(const QString &dir)
{
    if (!QFileInfo(dir).isDir())
        return Error::invalid(tr("The folder of spoken instructions %1 does not exist.").arg(dir), {});
    CallInstructions instructions;
    for (const QString &language : languages()) {
        const QString path = QDir(dir).filePath(language + QStringLiteral(".wav"));
        if (!QFileInfo::exists(path))
            return Error::invalid(
                tr("The spoken instruction %1 is missing: the folder needs fr.wav, nl.wav and en.wav.").arg(QDir::toNativeSeparators(path)),
                {});
        Result<QByteArray> alaw = load(path, QDir::toNativeSeparators(path));
        if (!alaw)
            return alaw.error();
        instructions.set(language, *alaw);
    }
    return instructions;
}

QByteArray CallInstructions::forLanguage(const QString &language) const
{
    const auto it = m_alaw.constFind(language);
    return it != m_alaw.cend() ? *it : m_alaw.value(QStringLiteral("en"));
}

} // namespace centrale::server
