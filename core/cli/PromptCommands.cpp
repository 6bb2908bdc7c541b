#include "cli/PromptCommands.h"

#include "audio/PromptConverter.h"
#include "audio/PromptLibrary.h"
#include "store/Store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace centrale {

namespace {

const QString kConvert = QStringLiteral("convert");
const QString kImport = QStringLiteral("import");
const QString kList = QStringLiteral("list");
const QString kExport = QStringLiteral("export");
const QString kDelete = QStringLiteral("delete");

// Options that take a value: their value is not the action.
bool takesValue(const QString &option)
{
    static const QStringList withValue = {QStringLiteral("--store"), QStringLiteral("--name"), QStringLiteral("--description"),
                                          QStringLiteral("--target-lufs")};
    return withValue.contains(option);
}

// The first argument after argv[0] that is neither an option nor an option's value.
QString actionOf(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--"))
            return args.value(i + 1);
        if (a.startsWith(QLatin1Char('-'))) {
            if (takesValue(a))
                ++i;
            continue;
        }
        return a;
    }
    return {};
}

QString seconds(qint64 ms)
{
    //: a duration in seconds, e.g. "6.2 s"
    return PromptCommands::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString decibels(double dbfs)
{
    return QStringLiteral("%1 dBFS").arg(dbfs, 0, 'f', 1);
}

// --normalise and --target-lufs, shared by convert and import.
struct LoudnessOptions {
    QCommandLineOption normalise {QStringLiteral("normalise"),
        PromptCommands::tr("Normalise the loudness (off by default), so that the organisation's prompts sound equally loud.")};
    QCommandLineOption target {QStringLiteral("target-lufs"), PromptCommands::tr("The loudness to normalise to (default -16; from -40 to -5)."),
        PromptCommands::tr("LUFS"), QStringLiteral("-16")};

    void addTo(QCommandLineParser &parser) { parser.addOptions({normalise, target}); }

    // Returns CliGoOn, or CliUsage with the message printed.
    int read(const QCommandLineParser &parser, CliIo &io, PromptConverter::Options &options) const
    {
        options.normaliseLoudness = parser.isSet(normalise);
        bool ok = false;
        const double lufs = parser.value(target).toDouble(&ok);
        if (!ok || lufs < -40.0 || lufs > -5.0) {
            io.err << PromptCommands::tr("--target-lufs needs a number from -40 to -5, not %1.").arg(parser.value(target)) << Qt::endl;
            return CliUsage;
        }
        if (parser.isSet(target) && !options.normaliseLoudness) {
            io.err << PromptCommands::tr("--target-lufs only makes sense with --normalise.") << Qt::endl;
            return CliUsage;
        }
        options.targetLufs = lufs;
        return CliGoOn;
    }
};

// Checks the action's operands: exactly count of them after the action.
int expectOperands(CliIo &io, const QCommandLineParser &parser, qsizetype count, const QString &syntax)
{
    if (parser.positionalArguments().size() != count + 1) {
        io.err << PromptCommands::tr("Usage: centrale-cli prompt %1").arg(syntax) << Qt::endl;
        return CliUsage;
    }
    return CliGoOn;
}

} // namespace

QString PromptCommands::actions() const
{
    return tr("Actions:\n"
              "  prompt convert IN OUT [--normalise [--target-lufs X]]\n"
              "        convert an audio file to a voice prompt (WAV, A-law, 8000 Hz, mono); no store needed\n"
              "  prompt import --name NAME --description TEXT [--normalise [--target-lufs X]] FILE\n"
              "        convert a file and store it as a new voice prompt\n"
              "  prompt list [--json]\n"
              "        list voice prompts and the calendar events that use them\n"
              "  prompt export NAME OUT.wav\n"
              "        write a prompt's audio to a file\n"
              "  prompt delete NAME\n"
              "        delete a prompt that no calendar event uses\n");
}

int PromptCommands::run(const QStringList &args)
{
    const QString action = actionOf(args);
    if (action == kConvert)
        return runConvert(args);
    if (action == kImport)
        return runImport(args);
    if (action == kList)
        return runList(args);
    if (action == kExport)
        return runExport(args);
    if (action == kDelete)
        return runDelete(args);
    if (action.isEmpty() && (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h")))) {
        m_io.out << actions();
        m_io.out.flush();
        return CliSuccess;
    }
    if (action.isEmpty())
        m_io.err << tr("Unknown or missing action.") << Qt::endl << actions();
    else
        m_io.err << tr("Unknown action %1.").arg(action) << Qt::endl << actions();
    return CliUsage;
}

int PromptCommands::fail(const Error &error)
{
    m_io.err << error.message << Qt::endl;
    return error.code == ErrorCode::Storage ? CliStoreError : CliFailed;
}

int PromptCommands::runConvert(const QStringList &args)
{
    CliParser p(tr("Convert an audio file to a voice prompt: WAV, A-law, 8000 Hz, mono. No store is needed."));
    LoudnessOptions loudness;
    loudness.addTo(p.parser);
    p.parser.addPositionalArgument(kConvert, tr("Convert a file."));
    p.parser.addPositionalArgument(QStringLiteral("IN"), tr("The audio file to convert (WAV, AIFF, FLAC, Ogg…)."));
    p.parser.addPositionalArgument(QStringLiteral("OUT"), tr("The prompt file to write; it appears whole or not at all."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    if (int rc = expectOperands(m_io, p.parser, 2, QStringLiteral("convert IN OUT")); rc != CliGoOn)
        return rc;
    PromptConverter::Options options;
    if (int rc = loudness.read(p.parser, m_io, options); rc != CliGoOn)
        return rc;
    const QString input = p.parser.positionalArguments().at(1);
    const QString output = p.parser.positionalArguments().at(2);

    auto conversion = PromptConverter().convertFile(input, options);
    if (!conversion)
        return fail(conversion.error());
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(conversion->wav) != conversion->wav.size() || !file.commit()) {
        m_io.err << tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(output), file.errorString()) << Qt::endl;
        return CliFailed;
    }

    if (p.parser.isSet(p.json)) {
        m_io.printJson(QJsonObject {{QStringLiteral("input"), input},
            {QStringLiteral("output"), output},
            {QStringLiteral("durationMs"), conversion->durationMs},
            {QStringLiteral("sourceFormat"), conversion->sourceFormat},
            {QStringLiteral("peakDbfs"), conversion->peakDbfs},
            {QStringLiteral("rmsDbfs"), conversion->rmsDbfs},
            {QStringLiteral("lossySource"), conversion->lossySource},
            {QStringLiteral("normalised"), options.normaliseLoudness},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(conversion->warnings)},
            {QStringLiteral("bytes"), conversion->wav.size()}});
        return CliSuccess;
    }
    m_io.out << tr("Wrote %1: WAV, A-law, 8000 Hz, mono.").arg(QDir::toNativeSeparators(output)) << '\n'
             << tr("Duration: %1").arg(seconds(conversion->durationMs)) << '\n'
             << tr("Source: %1").arg(conversion->sourceFormat) << '\n'
             << tr("Peak: %1, RMS: %2").arg(decibels(conversion->peakDbfs), decibels(conversion->rmsDbfs)) << '\n';
    if (options.normaliseLoudness)
        m_io.out << tr("Loudness normalised to %1 LUFS.").arg(options.targetLufs, 0, 'f', 1) << '\n';
    if (conversion->lossySource)
        m_io.out << tr("Note: the source was compressed with a lossy codec; the prompt cannot sound better than it.") << '\n';
    m_io.out.flush();
    for (const QString &warning : std::as_const(conversion->warnings))
        m_io.err << tr("Warning: %1").arg(warning) << Qt::endl;
    return CliSuccess;
}

int PromptCommands::runImport(const QStringList &args)
{
    CliParser p(tr("Convert an audio file and store it as a new voice prompt."));
    QCommandLineOption name(QStringLiteral("name"), tr("The prompt's name (unique)."), tr("name"));
    QCommandLineOption description(QStringLiteral("description"), tr("The exact text spoken in the prompt."), tr("text"));
    p.parser.addOptions({name, description});
    LoudnessOptions loudness;
    loudness.addTo(p.parser);
    p.parser.addPositionalArgument(kImport, tr("Import a file."));
    p.parser.addPositionalArgument(QStringLiteral("FILE"), tr("The audio file to import (WAV, AIFF, FLAC, Ogg…)."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    if (int rc = expectOperands(m_io, p.parser, 1, QStringLiteral("import --name NAME --description TEXT FILE")); rc != CliGoOn)
        return rc;
    if (!p.parser.isSet(name) || p.parser.value(name).trimmed().isEmpty()) {
        m_io.err << tr("--name is required: the prompt's name.") << Qt::endl;
        return CliUsage;
    }
    PromptConverter::Options options;
    if (int rc = loudness.read(p.parser, m_io, options); rc != CliGoOn)
        return rc;
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    const QString file = p.parser.positionalArguments().at(1);
    PromptLibrary library(store.prompts);
    auto prompt = library.importFile(file, p.parser.value(name), p.parser.value(description), options);
    if (!prompt)
        return fail(prompt.error());
    if (p.parser.isSet(p.json)) {
        m_io.printJson(prompt->toJson());
        return CliSuccess;
    }
    m_io.out << tr("Imported %1 as the voice prompt %2 (%3).").arg(QFileInfo(file).fileName(), prompt->name, seconds(prompt->durationMs))
             << Qt::endl;
    return CliSuccess;
}

int PromptCommands::runList(const QStringList &args)
{
    CliParser p(tr("List voice prompts and the calendar events that use them."));
    p.parser.addPositionalArgument(kList, tr("List voice prompts."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    if (int rc = expectOperands(m_io, p.parser, 0, QStringLiteral("list [--json]")); rc != CliGoOn)
        return rc;
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    auto prompts = store.prompts.list();
    if (!prompts)
        return fail(prompts.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const VoicePrompt &prompt : std::as_const(*prompts)) {
        auto usage = store.prompts.usage(prompt.id);
        if (!usage)
            return fail(usage.error());
        QJsonArray usedBy;
        QStringList where;
        for (const PromptUsage &u : std::as_const(*usage)) {
            usedBy.append(QJsonObject {{QStringLiteral("functionNumber"), u.functionName}, {QStringLiteral("event"), u.eventTitle}});
            where << QStringLiteral("%1 (%2)").arg(u.functionName, u.eventTitle);
        }
        QJsonObject o = prompt.toJson();
        o.insert(QStringLiteral("usedBy"), usedBy);
        array.append(o);
        rows << QStringList {prompt.name, prompt.description, seconds(prompt.durationMs), VoicePrompt::originLabel(prompt.origin),
            where.join(QStringLiteral(", "))};
    }
    if (p.parser.isSet(p.json)) {
        m_io.printJson(array);
        return CliSuccess;
    }
    m_io.printTable({tr("Name"), tr("Description"), tr("Duration"), tr("Origin"), tr("Used by")}, rows);
    return CliSuccess;
}

int PromptCommands::runExport(const QStringList &args)
{
    CliParser p(tr("Write a voice prompt's audio (WAV, A-law, 8000 Hz, mono) to a file."));
    p.parser.addPositionalArgument(kExport, tr("Export a prompt."));
    p.parser.addPositionalArgument(QStringLiteral("NAME"), tr("The prompt's name."));
    p.parser.addPositionalArgument(QStringLiteral("OUT"), tr("The WAV file to write."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    if (int rc = expectOperands(m_io, p.parser, 2, QStringLiteral("export NAME OUT.wav")); rc != CliGoOn)
        return rc;
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    const QString output = p.parser.positionalArguments().at(2);
    auto prompt = store.prompts.findByName(p.parser.positionalArguments().at(1));
    if (!prompt)
        return fail(prompt.error());
    if (Status s = PromptLibrary(store.prompts).exportWav(prompt->id, output); !s)
        return fail(s.error());
    m_io.out << tr("Wrote the voice prompt %1 to %2.").arg(prompt->name, QDir::toNativeSeparators(output)) << Qt::endl;
    return CliSuccess;
}

int PromptCommands::runDelete(const QStringList &args)
{
    CliParser p(tr("Delete a voice prompt; refused while a calendar event uses it."));
    p.parser.addPositionalArgument(kDelete, tr("Delete a prompt."));
    p.parser.addPositionalArgument(QStringLiteral("NAME"), tr("The prompt's name."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    if (int rc = expectOperands(m_io, p.parser, 1, QStringLiteral("delete NAME")); rc != CliGoOn)
        return rc;
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    auto prompt = store.prompts.findByName(p.parser.positionalArguments().at(1));
    if (!prompt)
        return fail(prompt.error());
    if (Status s = PromptLibrary(store.prompts).remove(prompt->id); !s)
        return fail(s.error());
    m_io.out << tr("Deleted the voice prompt %1.").arg(prompt->name) << Qt::endl;
    return CliSuccess;
}

} // namespace centrale
