// PromptLibrary over a real store: import, replace, export, remove, and the demo's prompts.
#include "TestResult.h"
#include "TestStore.h"

#include "audio/PromptLibrary.h"
#include "demo/DemoGenerator.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace centrale;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(CENTRALE_TEST_DATA "/audio/") + name;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The outbox entries about voice prompts, oldest first.
QList<OutboxEntry> promptEntries(Store &s)
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : TAKE(s.outbox.pending())) {
        if (e.entity == u"prompt"_s)
            out << e;
    }
    return out;
}

ScheduleEvent closedEvent(const QString &functionId, const QString &title, const QString &promptId)
{
    ScheduleEvent e;
    e.functionId = functionId;
    e.title = title;
    e.position = -1;
    e.state = OpenState::Closed;
    e.promptId = promptId;
    e.start = QDateTime(QDate(2024, 1, 1), QTime(0, 0));
    e.end = QDateTime(QDate(2024, 1, 2), QTime(0, 0));
    e.allDay = true;
    return e;
}

} // namespace

class TestPromptLibrary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importStoresAlawWithMetadata_data();
    void importStoresAlawWithMetadata();
    void duplicateNameRefusedBeforeConverting();
    void invalidNameRefused();
    void badFileStoresNothing_data();
    void badFileStoresNothing();
    void fuzzFloat64HugeSample();
    void nonFiniteSamplesBecomeSilence();
    void alawQuantisesToTheIntervalMiddle();
    void replaceAudio();
    void exportWritesTheStoredBytes();
    void exportRefusesUnwritablePath();
    void exportWithoutAudio();
    void removeRefusedWhileUsed();
    void demoPromptsHaveAudio();
};

void TestPromptLibrary::importStoresAlawWithMetadata_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("durationMs");
    // One of each kind: widths, float, extensible, AIFF/AIFF-C, channels, rates, FLAC, Ogg, A-law, µ-law, speech.
    for (const auto &[file, ms] : {std::pair {"pcm-u8-16k.wav", 500}, {"pcm-s16-16k.wav", 500}, {"pcm-s24-16k.wav", 500},
             {"pcm-s32-16k.wav", 500}, {"float32-16k.wav", 500}, {"float64-16k.wav", 500}, {"extensible-s24-16k.wav", 500},
             {"aiff-s16-16k.aiff", 500}, {"aifc-s16-16k.aifc", 500}, {"stereo-44k1.wav", 500}, {"six-channels-16k.wav", 250},
             {"rate-8k.wav", 500}, {"rate-96k.wav", 250}, {"rate-192k.wav", 200}, {"sine-1k-48k.flac", 500}, {"sine-1k-48k.ogg", 500},
             {"alaw-8k-mono.wav", 500}, {"ulaw-16k.wav", 500}, {"speech-22k.wav", 1000}})
        QTest::newRow(file) << QString::fromLatin1(file) << qint64(ms);
}

void TestPromptLibrary::importStoresAlawWithMetadata()
{
    QFETCH(QString, file);
    QFETCH(qint64, durationMs);
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    PromptLibrary library(s.prompts);

    const VoicePrompt created = TAKE(library.importFile(fixture(file), u"  Accueil  "_s, u"Bienvenue chez Domain Customer."_s));
    QVERIFY(!QTest::currentTestFailed());
    const VoicePrompt stored = TAKE(s.prompts.get(created.id));
    QCOMPARE(stored.name, u"Accueil"_s);
    QCOMPARE(stored.description, u"Bienvenue chez Domain Customer."_s);
    QCOMPARE(stored.origin, VoicePrompt::Origin::ImportedFile);
    QCOMPARE(stored.sourceFile, file);
    QVERIFY2(std::abs(stored.durationMs - durationMs) <= durationMs / 100, qPrintable(QString::number(stored.durationMs)));
    QVERIFY(stored.peakDbfs <= 0.0);
    QVERIFY(stored.peakDbfs > -20.0); // every fixture here is far from silent
    QVERIFY(stored.rmsDbfs < stored.peakDbfs);

    // The stored audio is an A-law 8 kHz mono WAV of that duration.
    const QByteArray audio = TAKE(s.prompts.audio(created.id));
    const auto decoded = PromptConverter::decodePrompt(audio);
    QVERIFY2(decoded.ok(), errorText(decoded).constData());
    QVERIFY(std::abs(qint64(decoded->size()) - stored.durationMs * 8) <= 8);
    if (file == u"alaw-8k-mono.wav"_s)
        QCOMPARE(audio, fileBytes(fixture(file))); // already a prompt: kept bit for bit

    // Exactly one outbox entry, carrying the audio so that the server can rebuild the prompt.
    const QList<OutboxEntry> entries = promptEntries(s);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().operation, u"create"_s);
    QCOMPARE(entries.first().entityId, created.id);
    QCOMPARE(entries.first().payload.value(u"name"_s).toString(), u"Accueil"_s);
    QCOMPARE(QByteArray::fromBase64(entries.first().payload.value(u"audio"_s).toString().toLatin1()), audio);
}

void TestPromptLibrary::duplicateNameRefusedBeforeConverting()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    PromptLibrary library(s.prompts);
    const VoicePrompt first = TAKE(library.importFile(fixture(u"rate-8k.wav"_s), u"Accueil"_s, {}));
    QVERIFY(!QTest::currentTestFailed());
    const QByteArray audio = TAKE(s.prompts.audio(first.id));

    // A file that does not exist would fail the conversion with Io: Duplicate proves the name was checked first.
    auto again = library.importFile(fixture(u"no-such-file.wav"_s), u"ACCUEIL"_s, {});
    VERIFY_ERROR(again, ErrorCode::Duplicate);
    QVERIFY2(again.error().message.contains(u"ACCUEIL"_s), qPrintable(again.error().message));
    // Same with a file that is not audio: refused for its name, not its content.
    auto broken = library.importFile(fixture(u"photo.wav"_s), u"Accueil"_s, {});
    VERIFY_ERROR(broken, ErrorCode::Duplicate);

    QCOMPARE(TAKE(s.prompts.list()).size(), 1);
    QCOMPARE(promptEntries(s).size(), 1);
    QCOMPARE(TAKE(s.prompts.audio(first.id)), audio);
}

void TestPromptLibrary::invalidNameRefused()
{
    TestStore ts;
    QVERIFY(ts.open());
    PromptLibrary library(ts.store->prompts);
    auto empty = library.importFile(fixture(u"rate-8k.wav"_s), u"   "_s, {});
    VERIFY_ERROR(empty, ErrorCode::Invalid);
    QCOMPARE(empty.error().field, u"name"_s);
    QCOMPARE(TAKE(ts.store->prompts.list()).size(), 0);
}

void TestPromptLibrary::badFileStoresNothing_data()
{
    QTest::addColumn<QString>("file");
    // fuzz-vorbis-header-leak.ogg: found by tests/fuzz/fuzz_prompt_import (a damaged Vorbis header).
    for (const char *file : {"empty.wav", "truncated-header.wav", "raw.wav", "photo.wav", "zero-channels.wav", "rate-500.wav",
             "no-such-file.wav", "fuzz-vorbis-header-leak.ogg"})
        QTest::newRow(file) << QString::fromLatin1(file);
}

void TestPromptLibrary::badFileStoresNothing()
{
    QFETCH(QString, file);
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    const int outboxBefore = TAKE(s.outbox.count());
    auto result = PromptLibrary(s.prompts).importFile(fixture(file), u"Accueil"_s, u"Bienvenue."_s);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(file), qPrintable(result.error().message));
    QCOMPARE(TAKE(s.prompts.list()).size(), 0);
    QCOMPARE(TAKE(s.outbox.count()), outboxBefore);
    QVERIFY(!s.prompts.findByName(u"Accueil"_s).ok());
}

// Found by tests/fuzz/fuzz_prompt_import: a 64-bit float WAV whose one sample (1e166) becomes an
// infinite float; the resampler turned it into NaN and libsndfile's A-law encoder crashed on it.
void TestPromptLibrary::fuzzFloat64HugeSample()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    const QString file = u"fuzz-float64-huge.wav"_s;
    const auto conversion = PromptConverter().convertFile(fixture(file), {});
    QVERIFY2(conversion.ok(), errorText(conversion).constData());
    QCOMPARE(conversion->warnings.size(), 2); // its header also claims more than the file holds
    QVERIFY2(conversion->warnings.last().contains(u"fuzz-float64-huge.wav contains 1 invalid sample"_s),
        qPrintable(conversion->warnings.join(u'\n')));
    QCOMPARE(conversion->peakDbfs, PromptConverter::SilenceDbfs);
    const auto decoded = PromptConverter::decodePrompt(conversion->wav);
    QVERIFY(decoded.ok());
    for (float x : *decoded)
        QVERIFY(std::abs(x) < 0.001f); // A-law's smallest level: it has no exact zero
    const VoicePrompt stored = TAKE(PromptLibrary(s.prompts).importFile(fixture(file), u"Fuzz"_s, {}));
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(TAKE(s.prompts.audio(stored.id)), conversion->wav);
}

// The same through a recording: a few bad samples do not wipe out the rest of the prompt.
void TestPromptLibrary::nonFiniteSamplesBecomeSilence()
{
    const int rate = 48000;
    std::vector<float> pcm(size_t(rate) * 2); // one second of stereo
    for (size_t f = 0; f < pcm.size() / 2; ++f)
        pcm[2 * f] = pcm[2 * f + 1] = float(0.5 * std::sin(2.0 * 3.14159265358979 * 1000.0 * double(f) / rate));
    pcm[1000] = std::numeric_limits<float>::quiet_NaN();
    pcm[20001] = std::numeric_limits<float>::infinity();
    pcm[40000] = -std::numeric_limits<float>::infinity();
    pcm[60000] = pcm[60001] = std::numeric_limits<float>::max(); // finite, but the two channels' sum overflows
    const auto conversion = PromptConverter().convertPcm(pcm.data(), qint64(pcm.size() / 2), 2, rate, {});
    QVERIFY2(conversion.ok(), errorText(conversion).constData());
    QCOMPARE(conversion->warnings.size(), 1);
    QVERIFY2(conversion->warnings.first().contains(u"recording contains 4 invalid sample"_s), qPrintable(conversion->warnings.first()));
    QVERIFY2(std::abs(conversion->peakDbfs + 6.02) < 0.6, qPrintable(QString::number(conversion->peakDbfs)));
    const auto decoded = PromptConverter::decodePrompt(conversion->wav);
    QVERIFY(decoded.ok());
    QCOMPARE(qint64(decoded->size()), qint64(8000));
    double sumSquares = 0.0;
    for (float x : *decoded) {
        QVERIFY(std::isfinite(x));
        sumSquares += double(x) * double(x);
    }
    // Still a 0.5 tone almost everywhere: RMS about 0.354.
    QVERIFY2(std::abs(std::sqrt(sumSquares / 8000.0) - 0.354) < 0.02, qPrintable(QString::number(std::sqrt(sumSquares / 8000.0))));
}

// Every 16-bit level goes to the middle of its G.711 interval: off by at most half the segment's
// step. libsndfile's own float encoder, used before, rounded to 12 bits first and missed the small
// levels by up to a whole step.
void TestPromptLibrary::alawQuantisesToTheIntervalMiddle()
{
    std::vector<float> ramp(65536);
    for (int i = 0; i < 65536; ++i)
        ramp[size_t(i)] = float(i - 32768) / 32768.0f;
    // At 8000 Hz mono nothing is resampled: the samples reach the encoder as they are.
    const auto conversion = PromptConverter().convertPcm(ramp.data(), qint64(ramp.size()), 1, PromptConverter::OutputRate, {});
    QVERIFY2(conversion.ok(), errorText(conversion).constData());
    const auto decoded = PromptConverter::decodePrompt(conversion->wav);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->size(), ramp.size());
    std::vector<float> levels(*decoded);
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    QCOMPARE(levels.size(), size_t(256)); // the ramp reaches every code
    double sumError = 0.0;
    for (size_t i = 0; i < ramp.size(); ++i) {
        const int x = int(i) - 32768;
        const int d = int(std::lround(double((*decoded)[i]) * 32768.0));
        // Segments 0 and 1 (below 512) have a step of 16; each next one doubles it.
        int power = 1;
        while (power * 2 <= std::abs(d))
            power *= 2;
        const int step = std::max(16, power / 16);
        if (std::abs(d - x) > step / 2 + 1)
            QFAIL(qPrintable(QStringLiteral("%1 decoded as %2, step %3").arg(x).arg(d).arg(step)));
        sumError += d - x;
    }
    // Unbiased: no systematic offset (libsndfile's encoder had one of about half a step at low levels).
    QVERIFY2(std::abs(sumError / double(ramp.size())) < 1.0, qPrintable(QString::number(sumError / double(ramp.size()))));
}

void TestPromptLibrary::replaceAudio()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    PromptLibrary library(s.prompts);
    const VoicePrompt created = TAKE(library.importFile(fixture(u"sine-1k-48k.wav"_s), u"Accueil"_s, u"Bienvenue."_s));
    QVERIFY(!QTest::currentTestFailed());
    const QByteArray before = TAKE(s.prompts.audio(created.id));

    const auto retake = PromptConverter().convertFile(fixture(u"speech-22k.wav"_s), {});
    QVERIFY(retake.ok());
    VERIFY_OK(library.replaceAudio(created.id, *retake, VoicePrompt::Origin::RecordedLocally));
    const VoicePrompt stored = TAKE(s.prompts.get(created.id));
    QCOMPARE(stored.name, u"Accueil"_s);
    QCOMPARE(stored.description, u"Bienvenue."_s);
    QCOMPARE(stored.origin, VoicePrompt::Origin::RecordedLocally);
    QVERIFY(stored.sourceFile.isEmpty());
    QCOMPARE(stored.durationMs, retake->durationMs);
    QCOMPARE(stored.peakDbfs, retake->peakDbfs);
    QCOMPARE(stored.rmsDbfs, retake->rmsDbfs);
    const QByteArray after = TAKE(s.prompts.audio(created.id));
    QCOMPARE(after, retake->wav);
    QVERIFY(after != before);

    // The change travels with its audio.
    const QList<OutboxEntry> entries = promptEntries(s);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.last().operation, u"update"_s);
    QCOMPARE(QByteArray::fromBase64(entries.last().payload.value(u"audio"_s).toString().toLatin1()), after);

    // Audio that is not a prompt is refused and changes nothing.
    PromptConverter::Conversion junk = *retake;
    junk.wav = QByteArray("RIFF\x10\0\0\0WAVEjunk", 16);
    QVERIFY(!library.replaceAudio(created.id, junk, VoicePrompt::Origin::ImportedFile).ok());
    QCOMPARE(TAKE(s.prompts.audio(created.id)), after);
    QCOMPARE(TAKE(s.prompts.get(created.id)).origin, VoicePrompt::Origin::RecordedLocally);
    QCOMPARE(promptEntries(s).size(), 2);

    VERIFY_ERROR(library.replaceAudio(u"no-such-id"_s, *retake, VoicePrompt::Origin::ImportedFile), ErrorCode::NotFound);
}

void TestPromptLibrary::exportWritesTheStoredBytes()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    PromptLibrary library(s.prompts);
    const VoicePrompt alaw = TAKE(library.importFile(fixture(u"alaw-8k-mono.wav"_s), u"Prompt A"_s, {}));
    const VoicePrompt speech = TAKE(library.importFile(fixture(u"speech-22k.wav"_s), u"Prompt B"_s, {}));
    QVERIFY(!QTest::currentTestFailed());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString a = dir.filePath(u"a.wav"_s);
    VERIFY_OK(library.exportWav(alaw.id, a));
    QCOMPARE(fileBytes(a), TAKE(s.prompts.audio(alaw.id)));
    QCOMPARE(fileBytes(a), fileBytes(fixture(u"alaw-8k-mono.wav"_s)));

    // Over an existing file: replaced whole.
    const QString b = dir.filePath(u"b.wav"_s);
    QFile old(b);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(QByteArray(100000, 'x'));
    old.close();
    VERIFY_OK(library.exportWav(speech.id, b));
    const QByteArray written = fileBytes(b);
    QCOMPARE(written, TAKE(s.prompts.audio(speech.id)));
    QVERIFY(PromptConverter::decodePrompt(written).ok());

    VERIFY_ERROR(library.exportWav(u"no-such-id"_s, dir.filePath(u"c.wav"_s)), ErrorCode::NotFound);
    QVERIFY(!QFileInfo::exists(dir.filePath(u"c.wav"_s)));
}

void TestPromptLibrary::exportRefusesUnwritablePath()
{
    TestStore ts;
    QVERIFY(ts.open());
    PromptLibrary library(ts.store->prompts);
    const VoicePrompt prompt = TAKE(library.importFile(fixture(u"speech-22k.wav"_s), u"Accueil"_s, {}));
    QVERIFY(!QTest::currentTestFailed());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A folder where the file should go: the save file cannot replace it; nothing is left behind.
    QVERIFY(QDir(dir.path()).mkdir(u"taken.wav"_s));
    // A regular file where a folder should be: the path cannot exist (even for root).
    QFile plain(dir.filePath(u"plain"_s));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);

    for (const QString &target : {dir.filePath(u"taken.wav"_s), dir.filePath(u"plain/out.wav"_s)}) {
        auto result = library.exportWav(prompt.id, target);
        VERIFY_ERROR(result, ErrorCode::Io);
        QVERIFY2(result.error().message.contains(QDir::toNativeSeparators(target)), qPrintable(result.error().message));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), before);
    QVERIFY(QFileInfo(dir.filePath(u"taken.wav"_s)).isDir());
    QVERIFY(QDir(dir.filePath(u"taken.wav"_s)).isEmpty());
    QCOMPARE(QFileInfo(dir.filePath(u"plain"_s)).size(), qint64(0));
}

void TestPromptLibrary::exportWithoutAudio()
{
    TestStore ts;
    QVERIFY(ts.open());
    VoicePrompt bare;
    bare.name = u"Sans son"_s;
    const VoicePrompt created = TAKE(ts.store->prompts.create(bare));
    QTemporaryDir dir;
    const QString target = dir.filePath(u"x.wav"_s);
    auto result = PromptLibrary(ts.store->prompts).exportWav(created.id, target);
    VERIFY_ERROR(result, ErrorCode::NotFound);
    QVERIFY(result.error().message.contains(u"Sans son"_s));
    QVERIFY(!QFileInfo::exists(target));
}

void TestPromptLibrary::removeRefusedWhileUsed()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    PromptLibrary library(s.prompts);
    const VoicePrompt prompt = TAKE(library.importFile(fixture(u"speech-22k.wav"_s), u"Fermeture annuelle"_s, {}));
    QVERIFY(!QTest::currentTestFailed());
    FunctionNumber f;
    f.number = u"02 300 00 50"_s;
    f.name = u"Réception"_s;
    const FunctionNumber function = TAKE(s.functions.create(f));
    const ScheduleEvent newYear = TAKE(s.functions.addEvent(closedEvent(function.id, u"Nouvel an"_s, prompt.id)));
    const ScheduleEvent christmas = TAKE(s.functions.addEvent(closedEvent(function.id, u"Noël"_s, prompt.id)));
    QVERIFY(!QTest::currentTestFailed());

    auto refused = library.remove(prompt.id);
    VERIFY_ERROR(refused, ErrorCode::InUse);
    for (const QString &word : {u"Fermeture annuelle"_s, u"Réception"_s, u"Nouvel an"_s, u"Noël"_s})
        QVERIFY2(refused.error().message.contains(word), qPrintable(refused.error().message));
    QVERIFY(s.prompts.get(prompt.id).ok());
    QVERIFY(!TAKE(s.prompts.audio(prompt.id)).isEmpty());

    VERIFY_OK(s.functions.removeEvent(newYear.id));
    VERIFY_ERROR(library.remove(prompt.id), ErrorCode::InUse);
    VERIFY_OK(s.functions.removeEvent(christmas.id));
    VERIFY_OK(library.remove(prompt.id));
    VERIFY_ERROR(s.prompts.get(prompt.id), ErrorCode::NotFound);
    QCOMPARE(promptEntries(s).last().operation, u"delete"_s);
    VERIFY_ERROR(library.remove(prompt.id), ErrorCode::NotFound);
}

void TestPromptLibrary::demoPromptsHaveAudio()
{
    TestStore ts;
    QVERIFY(ts.open(false));
    Store &s = *ts.store;
    VERIFY_OK(DemoGenerator::generate(s.database(), {}, {}));
    const QList<VoicePrompt> prompts = TAKE(s.prompts.list());
    QCOMPARE(prompts.size(), 2);
    for (const VoicePrompt &p : prompts) {
        QVERIFY2(p.name == u"Accueil"_s || p.name == u"Fermeture annuelle"_s, qPrintable(p.name));
        QVERIFY(!p.description.isEmpty());
        const QByteArray audio = TAKE(s.prompts.audio(p.id));
        const auto decoded = PromptConverter::decodePrompt(audio);
        QVERIFY2(decoded.ok(), errorText(decoded).constData());
        // The stated duration is the audio's, to the millisecond.
        QCOMPARE(p.durationMs, (qint64(decoded->size()) * 1000 + 4000) / 8000);
        QVERIFY2(p.durationMs > 2000 && p.durationMs < 10000, qPrintable(QString::number(p.durationMs)));
        // Real speech: levels measured, not defaults.
        QVERIFY2(p.peakDbfs < 0.0 && p.peakDbfs > -20.0, qPrintable(QString::number(p.peakDbfs)));
        QVERIFY(p.rmsDbfs < p.peakDbfs - 3.0);
        QVERIFY(p.rmsDbfs > -50.0);
        // And the same levels as a fresh measurement of the stored bytes.
        const QString copy = QDir(ts.dir.path()).filePath(p.id + u".wav"_s);
        VERIFY_OK(PromptLibrary(s.prompts).exportWav(p.id, copy));
        const auto measured = PromptConverter().convertFile(copy, {});
        QVERIFY(measured.ok());
        QCOMPARE(measured->wav, audio);
        QCOMPARE(measured->durationMs, p.durationMs);
        QVERIFY(std::abs(measured->peakDbfs - p.peakDbfs) < 1e-6);
        QVERIFY(std::abs(measured->rmsDbfs - p.rmsDbfs) < 1e-6);
    }
}

QTEST_GUILESS_MAIN(TestPromptLibrary)
#include "tst_prompt_library.moc"
