// PromptConverter against real files in tests/data/audio (see its README for how they were made).
#include "audio/PromptConverter.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <numbers>

using namespace centrale;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(CENTRALE_TEST_DATA "/audio/") + name;
}

PromptConverter::Options defaults()
{
    return PromptConverter::Options {};
}

// Frequency from the number of sign changes over the middle of the signal (clear of filter edges).
double zeroCrossingHz(const std::vector<float> &s, int rate)
{
    const size_t from = s.size() / 10;
    const size_t to = s.size() - s.size() / 10;
    int crossings = 0;
    for (size_t i = from + 1; i < to; ++i) {
        if ((s[i - 1] < 0.0f) != (s[i] < 0.0f))
            ++crossings;
    }
    return crossings / 2.0 / (double(to - from) / rate);
}

// Relative power of one frequency (Goertzel), normalised by the number of samples.
double goertzel(const std::vector<float> &s, double hz, int rate)
{
    const double w = 2.0 * std::numbers::pi * hz / rate;
    const double coeff = 2.0 * std::cos(w);
    double s1 = 0.0;
    double s2 = 0.0;
    for (float x : s) {
        const double s0 = x + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return power / (double(s.size()) * double(s.size()));
}

// The canonical 44-byte header of a PCM WAV.
QByteArray wavHeader(int rate, int channels, int bits, quint32 dataBytes)
{
    QByteArray h(44, '\0');
    auto *p = reinterpret_cast<uchar *>(h.data());
    memcpy(p, "RIFF", 4);
    qToLittleEndian<quint32>(36 + dataBytes, p + 4);
    memcpy(p + 8, "WAVEfmt ", 8);
    qToLittleEndian<quint32>(16, p + 16);
    qToLittleEndian<quint16>(1, p + 20);
    qToLittleEndian<quint16>(quint16(channels), p + 22);
    qToLittleEndian<quint32>(quint32(rate), p + 24);
    qToLittleEndian<quint32>(quint32(rate * channels * bits / 8), p + 28);
    qToLittleEndian<quint16>(quint16(channels * bits / 8), p + 32);
    qToLittleEndian<quint16>(quint16(bits), p + 34);
    memcpy(p + 36, "data", 4);
    qToLittleEndian<quint32>(dataBytes, p + 40);
    return h;
}

} // namespace

class TestAudio : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void goodFixtures_data();
    void goodFixtures();
    void matchesSoxReference_data();
    void matchesSoxReference();
    void alawIsKeptBitForBit();
    void sixKilohertzIsRemovedNotAliased();
    void antiPhaseStereoDownMix();
    void loudnessNormalisation();
    void pcmBufferMatchesFile();
    void pcmBufferErrors();
    void brokenFixtures_data();
    void brokenFixtures();
    void sizeMismatchWarns();
    void cutFilesNeverCrash();
    void twoHourFileRefusedBeforeDecoding();
    void maxSecondsIsHonoured();

private:
    PromptConverter m_converter;
};

void TestAudio::goodFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<bool>("lossy");
    QTest::addColumn<double>("toneHz"); // 0: not a steady tone
    QTest::addColumn<double>("peakDbfs"); // NaN: not checked

    const double nan = std::nan("");
    const double half = -6.02; // every tone fixture has amplitude 0.5
    const auto row = [](const char *file, qint64 ms, bool lossy, double hz, double peak) {
        QTest::newRow(file) << QString::fromLatin1(file) << ms << lossy << hz << peak;
    };
    row("sine-1k-48k.wav", 500, false, 1000, half);
    row("sine-1k-48k-quiet.wav", 500, false, 1000, -26.02);
    row("sine-6k-48k.wav", 500, false, 0, nan);
    row("pcm-u8-16k.wav", 500, false, 1000, half);
    row("pcm-s16-16k.wav", 500, false, 1000, half);
    row("pcm-s24-16k.wav", 500, false, 1000, half);
    row("pcm-s32-16k.wav", 500, false, 1000, half);
    row("float32-16k.wav", 500, false, 1000, half);
    row("float64-16k.wav", 500, false, 1000, half);
    row("extensible-s24-16k.wav", 500, false, 1000, half);
    row("aiff-s16-16k.aiff", 500, false, 1000, half);
    row("aifc-s16-16k.aifc", 500, false, 1000, half);
    row("stereo-44k1.wav", 500, false, 1000, half);
    row("six-channels-16k.wav", 250, false, 1000, half);
    row("rate-8k.wav", 500, false, 1000, half);
    row("rate-44k1.wav", 500, false, 1000, half);
    row("rate-96k.wav", 250, false, 1000, half);
    row("rate-192k.wav", 200, false, 1000, half);
    row("sine-1k-48k.flac", 500, false, 1000, half);
    row("sine-1k-48k.ogg", 500, true, 1000, nan);
    row("mp3-renamed.wav", 500, true, 1000, nan);
    row("alaw-8k-mono.wav", 500, false, 1000, half);
    row("ulaw-16k.wav", 500, false, 1000, half);
    row("speech-22k.wav", 1000, false, 0, nan);
    row("antiphase-stereo-48k.wav", 500, false, 1000, -12.04);
    row("size-mismatch.wav", 250, false, 1000, half);
}

void TestAudio::goodFixtures()
{
    QFETCH(QString, file);
    QFETCH(qint64, durationMs);
    QFETCH(bool, lossy);
    QFETCH(double, toneHz);
    QFETCH(double, peakDbfs);

    const auto result = m_converter.convertFile(fixture(file), defaults());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const PromptConverter::Conversion &c = *result;

    QVERIFY2(std::abs(c.durationMs - durationMs) <= durationMs / 100,
        qPrintable(QStringLiteral("%1 ms, expected %2").arg(c.durationMs).arg(durationMs)));
    QVERIFY(!c.sourceFormat.isEmpty());
    QCOMPARE(c.lossySource, lossy);
    if (file != QLatin1String("size-mismatch.wav"))
        QVERIFY2(c.warnings.isEmpty(), qPrintable(c.warnings.join(QLatin1Char('\n'))));

    // The stored bytes are an A-law, 8 kHz, mono WAV of the announced length.
    QVERIFY(c.wav.startsWith("RIFF"));
    QCOMPARE(qFromLittleEndian<quint16>(c.wav.constData() + 20), quint16(6)); // WAVE_FORMAT_ALAW
    QCOMPARE(qFromLittleEndian<quint16>(c.wav.constData() + 22), quint16(1));
    QCOMPARE(qFromLittleEndian<quint32>(c.wav.constData() + 24), quint32(8000));
    const auto decoded = PromptConverter::decodePrompt(c.wav);
    QVERIFY(decoded.ok());
    QVERIFY(std::abs(qint64(decoded->size()) - c.durationMs * 8) <= 8);

    if (toneHz > 0) {
        const double hz = zeroCrossingHz(*decoded, 8000);
        QVERIFY2(std::abs(hz - toneHz) < toneHz * 0.01, qPrintable(QString::number(hz)));
    }
    if (!std::isnan(peakDbfs))
        QVERIFY2(std::abs(c.peakDbfs - peakDbfs) < 0.6, qPrintable(QString::number(c.peakDbfs)));
    QVERIFY(c.rmsDbfs <= c.peakDbfs);
    QVERIFY(c.peakDbfs <= 0.0);
}

void TestAudio::matchesSoxReference_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("speech") << QStringLiteral("speech-22k.wav");
    QTest::newRow("anti-phase stereo") << QStringLiteral("antiphase-stereo-48k.wav");
}

// Against `sox IN -r 8000 -c 1 -e a-law REF`: a wrong rate, a missing down-mix or a byte-order error
// would wreck the correlation; two A-law quantisations of the same signal stay well above 25 dB SNR.
void TestAudio::matchesSoxReference()
{
    QFETCH(QString, file);
    QFile referenceFile(fixture(QStringLiteral("reference-") + QString(file).replace(QLatin1String(".wav"), QLatin1String("-sox.wav"))));
    QVERIFY(referenceFile.open(QIODevice::ReadOnly));
    const auto reference = PromptConverter::decodePrompt(referenceFile.readAll());
    QVERIFY(reference.ok());
    const auto result = m_converter.convertFile(fixture(file), defaults());
    QVERIFY(result.ok());
    const auto ours = PromptConverter::decodePrompt(result->wav);
    QVERIFY(ours.ok());
    QVERIFY(std::abs(qint64(ours->size()) - qint64(reference->size())) <= 2);

    const size_t n = std::min(ours->size(), reference->size());
    double signal = 0.0, noise = 0.0, cross = 0.0, energyOurs = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double r = (*reference)[i];
        const double o = (*ours)[i];
        signal += r * r;
        noise += (o - r) * (o - r);
        cross += o * r;
        energyOurs += o * o;
    }
    const double snr = 10.0 * std::log10(signal / noise);
    const double correlation = cross / std::sqrt(signal * energyOurs);
    QVERIFY2(snr > 25.0, qPrintable(QStringLiteral("SNR %1 dB").arg(snr)));
    QVERIFY2(correlation > 0.99, qPrintable(QStringLiteral("correlation %1").arg(correlation)));
}

void TestAudio::alawIsKeptBitForBit()
{
    QFile original(fixture(QStringLiteral("alaw-8k-mono.wav")));
    QVERIFY(original.open(QIODevice::ReadOnly));
    const auto result = m_converter.convertFile(original.fileName(), defaults());
    QVERIFY(result.ok());
    QCOMPARE(result->wav, original.readAll());
    QCOMPARE(result->sourceFormat, QStringLiteral("WAV, A-law, 8000 Hz, mono"));
}

void TestAudio::sixKilohertzIsRemovedNotAliased()
{
    const auto tone = m_converter.convertFile(fixture(QStringLiteral("sine-1k-48k.wav")), defaults());
    const auto high = m_converter.convertFile(fixture(QStringLiteral("sine-6k-48k.wav")), defaults());
    QVERIFY(tone.ok());
    QVERIFY(high.ok());
    QVERIFY2(high->rmsDbfs <= tone->rmsDbfs - 40.0, qPrintable(QStringLiteral("%1 vs %2 dBFS").arg(high->rmsDbfs).arg(tone->rmsDbfs)));

    // A naive decimation would fold 6 kHz onto 2 kHz.
    const auto toneSamples = PromptConverter::decodePrompt(tone->wav);
    const auto highSamples = PromptConverter::decodePrompt(high->wav);
    const double at1k = goertzel(*toneSamples, 1000, 8000);
    const double alias = goertzel(*highSamples, 2000, 8000);
    QVERIFY2(10.0 * std::log10(alias / at1k) < -60.0, qPrintable(QString::number(10.0 * std::log10(alias / at1k))));
}

void TestAudio::antiPhaseStereoDownMix()
{
    // Left: 300 Hz at 0.25 + 1 kHz at 0.5; right: the 300 Hz inverted. The mean is 1 kHz at 0.25.
    const auto result = m_converter.convertFile(fixture(QStringLiteral("antiphase-stereo-48k.wav")), defaults());
    QVERIFY(result.ok());
    QVERIFY(result->sourceFormat.contains(QLatin1String("stereo")));
    QVERIFY(std::abs(result->peakDbfs - (-12.04)) < 0.6);
    const auto samples = PromptConverter::decodePrompt(result->wav);
    const double tone = goertzel(*samples, 1000, 8000);
    const double cancelled = goertzel(*samples, 300, 8000);
    QVERIFY2(10.0 * std::log10(cancelled / tone) < -40.0, qPrintable(QString::number(10.0 * std::log10(cancelled / tone))));
}

void TestAudio::loudnessNormalisation()
{
    PromptConverter::Options options;
    options.normaliseLoudness = true;
    options.targetLufs = -16.0;
    const auto loud = m_converter.convertFile(fixture(QStringLiteral("sine-1k-48k.wav")), options);
    const auto quiet = m_converter.convertFile(fixture(QStringLiteral("sine-1k-48k-quiet.wav")), options);
    QVERIFY(loud.ok());
    QVERIFY(quiet.ok());
    QVERIFY(loud->warnings.isEmpty());
    QVERIFY(quiet->warnings.isEmpty());
    // Same tone, so loudness differences are RMS differences; K-weighting is about 0 dB at 1 kHz.
    QVERIFY2(std::abs(loud->rmsDbfs - quiet->rmsDbfs) < 1.0, qPrintable(QStringLiteral("%1 vs %2").arg(loud->rmsDbfs).arg(quiet->rmsDbfs)));
    QVERIFY2(std::abs(loud->rmsDbfs - options.targetLufs) < 1.5, qPrintable(QString::number(loud->rmsDbfs)));
    QVERIFY(loud->peakDbfs <= PromptConverter::NormalisedPeakDbfs + 0.05);

    // A target too loud for the peak limit is met as far as −1 dBFS peak allows.
    options.targetLufs = 0.0;
    const auto limited = m_converter.convertFile(fixture(QStringLiteral("sine-1k-48k-quiet.wav")), options);
    QVERIFY(limited.ok());
    QVERIFY2(limited->peakDbfs <= PromptConverter::NormalisedPeakDbfs + 0.05, qPrintable(QString::number(limited->peakDbfs)));
    QVERIFY(limited->peakDbfs > PromptConverter::NormalisedPeakDbfs - 0.5);
}

void TestAudio::pcmBufferMatchesFile()
{
    const int rate = 48000;
    const qint64 frames = rate / 2;
    std::vector<float> stereo(size_t(frames) * 2);
    for (qint64 i = 0; i < frames; ++i) {
        const float x = 0.5f * float(std::sin(2.0 * std::numbers::pi * 1000.0 * double(i) / rate));
        stereo[size_t(2 * i)] = x;
        stereo[size_t(2 * i + 1)] = x;
    }
    const auto fromPcm = m_converter.convertPcm(stereo.data(), frames, 2, rate, defaults());
    const auto fromFile = m_converter.convertFile(fixture(QStringLiteral("sine-1k-48k.wav")), defaults());
    QVERIFY(fromPcm.ok());
    QVERIFY(fromFile.ok());
    QCOMPARE(fromPcm->durationMs, fromFile->durationMs);
    QVERIFY(std::abs(fromPcm->peakDbfs - fromFile->peakDbfs) < 0.3);
    QVERIFY(std::abs(fromPcm->rmsDbfs - fromFile->rmsDbfs) < 0.3);
    QCOMPARE(fromPcm->sourceFormat, QStringLiteral("PCM float 32-bit, 48000 Hz, stereo"));
    QVERIFY(!fromPcm->lossySource);
    const auto samples = PromptConverter::decodePrompt(fromPcm->wav);
    QVERIFY(samples.ok());
    QVERIFY(std::abs(zeroCrossingHz(*samples, 8000) - 1000.0) < 10.0);

    // Over full scale in float: clipped, and said so.
    for (float &x : stereo)
        x *= 3.0f;
    const auto hot = m_converter.convertPcm(stereo.data(), frames, 2, rate, defaults());
    QVERIFY(hot.ok());
    QCOMPARE(hot->warnings.size(), 1);
    QVERIFY(hot->warnings.first().contains(QLatin1String("clipped")));
    QVERIFY(hot->peakDbfs <= 0.0);
}

void TestAudio::pcmBufferErrors()
{
    const float one[2] = {0.0f, 0.0f};
    QVERIFY(!m_converter.convertPcm(one, 1, 0, 48000, defaults()).ok());
    QVERIFY(!m_converter.convertPcm(one, 1, 1, 500, defaults()).ok());
    QVERIFY(!m_converter.convertPcm(one, 1, 1, 400000, defaults()).ok());
    QVERIFY(!m_converter.convertPcm(one, 0, 1, 48000, defaults()).ok());
    QVERIFY(!m_converter.convertPcm(nullptr, 1, 1, 48000, defaults()).ok());
    const auto error = m_converter.convertPcm(one, 1, 1, 500, defaults());
    QVERIFY(error.error().message.contains(QLatin1String("The recording")));
}

void TestAudio::brokenFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason"); // a fragment of the message
    QTest::newRow("missing") << QStringLiteral("no-such-file.wav") << QStringLiteral("cannot be opened");
    QTest::newRow("empty") << QStringLiteral("empty.wav") << QStringLiteral("is empty");
    QTest::newRow("truncated header") << QStringLiteral("truncated-header.wav") << QStringLiteral("not an audio file");
    QTest::newRow("raw PCM") << QStringLiteral("raw.wav") << QStringLiteral("not an audio file");
    QTest::newRow("JPEG") << QStringLiteral("photo.wav") << QStringLiteral("not an audio file");
    QTest::newRow("zero channels") << QStringLiteral("zero-channels.wav") << QString();
    QTest::newRow("500 Hz") << QStringLiteral("rate-500.wav") << QStringLiteral("500 Hz");
}

void TestAudio::brokenFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const auto result = m_converter.convertFile(fixture(file), defaults());
    QVERIFY(!result.ok());
    const QString message = result.error().message;
    QVERIFY2(message.contains(file), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
}

void TestAudio::sizeMismatchWarns()
{
    const auto result = m_converter.convertFile(fixture(QStringLiteral("size-mismatch.wav")), defaults());
    QVERIFY(result.ok());
    QCOMPARE(result->warnings.size(), 1);
    QVERIFY(result->warnings.first().contains(QLatin1String("size-mismatch.wav")));
    QVERIFY(std::abs(result->durationMs - 250) <= 3);
}

// Every container cut at many lengths: each cut gives a prompt (with a warning) or an error naming
// the file, never a crash (the sanitizer build watches the reads).
void TestAudio::cutFilesNeverCrash()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList sources {QStringLiteral("sine-1k-48k.flac"), QStringLiteral("sine-1k-48k.ogg"), QStringLiteral("mp3-renamed.wav"),
        QStringLiteral("aifc-s16-16k.aifc"), QStringLiteral("extensible-s24-16k.wav"), QStringLiteral("ulaw-16k.wav"),
        QStringLiteral("alaw-8k-mono.wav")};
    for (const QString &source : sources) {
        QFile in(fixture(source));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        for (const qint64 length : {qint64(1), qint64(4), qint64(12), qint64(30), qint64(45), qint64(60), qint64(100), qint64(200),
                 qint64(500), bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
            const QString path = dir.filePath(QStringLiteral("cut-%1-").arg(length) + source);
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes.left(length));
            out.close();
            const auto result = m_converter.convertFile(path, defaults());
            if (result.ok())
                QVERIFY(PromptConverter::decodePrompt(result->wav).ok());
            else
                QVERIFY2(result.error().message.contains(QFileInfo(path).fileName()), qPrintable(result.error().message));
        }
    }
}

void TestAudio::twoHourFileRefusedBeforeDecoding()
{
    // A header for two hours of 48 kHz stereo 16-bit, in a sparse file: 1.3 GB that nobody decodes.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint32 dataBytes = 2u * 3600u * 48000u * 4u;
    QFile file(dir.filePath(QStringLiteral("two-hours.wav")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(wavHeader(48000, 2, 16, dataBytes)), qint64(44));
    QVERIFY(file.resize(44 + qint64(dataBytes)));
    file.close();

    const auto result = m_converter.convertFile(file.fileName(), defaults());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QLatin1String("two-hours.wav")), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QLatin1String("2:00:00")), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QLatin1String("30:00")), qPrintable(result.error().message));
}

void TestAudio::maxSecondsIsHonoured()
{
    PromptConverter::Options options;
    options.maxSeconds = 1;
    QVERIFY(m_converter.convertFile(fixture(QStringLiteral("speech-22k.wav")), options).ok());
    options.maxSeconds = 0;
    const auto refused = m_converter.convertFile(fixture(QStringLiteral("sine-1k-48k.wav")), options);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QLatin1String("sine-1k-48k.wav")));
}

QTEST_GUILESS_MAIN(TestAudio)
#include "tst_audio.moc"
