// Benchmark: PromptConverter against `sox IN -r 8000 -c 1 -e a-law OUT` on a long 48 kHz stereo
// 16-bit WAV, side by side in one run: wall time (best of N runs) and the SNR of each output against
// a float reference (the same input down-mixed and resampled to 8 kHz with libsoxr VHQ in float).
//   bench_audio [SECONDS=600] [RUNS=3]
// Needs sox on the PATH. Build it in Release to measure (Debug + sanitizers measures the sanitizers).
#include "audio/PromptConverter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <sndfile.h>
#include <soxr.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace centrale;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

bool runSox(const QStringList &args, QString *error)
{
    QProcess p;
    p.start(QStringLiteral("sox"), args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromLocal8Bit(p.readAllStandardError()) + p.errorString();
        return false;
    }
    return true;
}

// All samples of a file as float, interleaved.
std::vector<float> readAll(const QString &path, SF_INFO &info)
{
    info = SF_INFO {};
    SNDFILE *file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
    if (!file)
        return {};
    std::vector<float> samples(size_t(info.frames) * size_t(info.channels));
    const sf_count_t read = sf_readf_float(file, samples.data(), info.frames);
    sf_close(file);
    samples.resize(size_t(std::max<sf_count_t>(read, 0)) * size_t(info.channels));
    return samples;
}

// The reference: mono average in float, libsoxr very high quality, float all the way.
std::vector<float> floatReference(const QString &path)
{
    SF_INFO info;
    const std::vector<float> in = readAll(path, info);
    if (in.empty())
        return {};
    std::vector<float> mono(size_t(info.frames));
    for (size_t f = 0; f < mono.size(); ++f) {
        double sum = 0.0;
        for (int c = 0; c < info.channels; ++c)
            sum += double(in[f * size_t(info.channels) + size_t(c)]);
        mono[f] = float(sum / info.channels);
    }
    const double ratio = double(PromptConverter::OutputRate) / info.samplerate;
    std::vector<float> ref(size_t(double(mono.size()) * ratio + 1.0));
    size_t produced = 0;
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_VHQ, 0);
    if (soxr_oneshot(info.samplerate, PromptConverter::OutputRate, 1, mono.data(), mono.size(), nullptr, ref.data(), ref.size(), &produced,
            &io, &quality, nullptr))
        return {};
    ref.resize(produced);
    return ref;
}

struct Snr {
    double db = -999.0;
    int lag = 0;
};

// SNR of x against ref over the middle (one second off each end), at the best lag within ±8 samples.
Snr snr(const std::vector<float> &ref, const std::vector<float> &x)
{
    Snr best;
    const long n = long(std::min(ref.size(), x.size()));
    const long margin = PromptConverter::OutputRate;
    if (n < 3 * margin)
        return best;
    for (int lag = -8; lag <= 8; ++lag) {
        double signal = 0.0;
        double noise = 0.0;
        for (long i = margin; i < n - margin; ++i) {
            const double r = ref[size_t(i)];
            const double d = double(x[size_t(i + lag)]) - r;
            signal += r * r;
            noise += d * d;
        }
        const double db = noise > 0.0 ? 10.0 * std::log10(signal / noise) : 999.0;
        if (db > best.db)
            best = {db, lag};
    }
    return best;
}

std::vector<float> decodeAlaw(const QString &path, QString *format)
{
    SF_INFO info;
    std::vector<float> samples = readAll(path, info);
    *format = QStringLiteral("%1 Hz, %2 ch, %3")
                  .arg(info.samplerate)
                  .arg(info.channels)
                  .arg((info.format & SF_FORMAT_SUBMASK) == SF_FORMAT_ALAW ? QStringLiteral("A-law") : QStringLiteral("not A-law!"));
    return samples;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = args.size() > 1 ? args.at(1).toInt() : 600;
    const int runs = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 3;
    if (seconds < 5) {
        out() << "usage: bench_audio [SECONDS>=5 (600)] [RUNS (3)]" << Qt::endl;
        return 2;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("sox")).isEmpty()) {
        out() << "sox is not on the PATH: it is the baseline of this benchmark." << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("speechlike-48k-stereo.wav"));
    const QString ours = dir.filePath(QStringLiteral("centrale.wav"));
    const QString theirs = dir.filePath(QStringLiteral("sox.wav"));

    // Speech-like: two tones (one per channel), pink noise over the whole band (so that the
    // anti-aliasing filter matters), with a 4 Hz syllabic amplitude modulation.
    const QStringList synth = {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-b"), QStringLiteral("16"),
        QStringLiteral("-c"), QStringLiteral("2"), input, QStringLiteral("synth"), QString::number(seconds), QStringLiteral("sine"),
        QStringLiteral("220"), QStringLiteral("sine"), QStringLiteral("1000"), QStringLiteral("synth"), QString::number(seconds),
        QStringLiteral("pinknoise"), QStringLiteral("mix"), QStringLiteral("tremolo"), QStringLiteral("4"), QStringLiteral("80"),
        QStringLiteral("vol"), QStringLiteral("0.5")};
    QString error;
    if (!runSox(synth, &error)) {
        out() << "sox could not generate the input: " << error << Qt::endl;
        return 1;
    }
    out() << "Input: " << seconds << " s, 48000 Hz, stereo, 16-bit WAV, " << QFileInfo(input).size() / 1e6 << " MB: sox "
          << synth.join(QLatin1Char(' ')).replace(input, QStringLiteral("IN")) << Qt::endl;

    PromptConverter::Options options;
    options.maxSeconds = std::max(options.maxSeconds, seconds + 1);
    QList<qint64> oursMs;
    QList<qint64> soxMs;
    for (int run = 0; run < runs; ++run) {
        // Alternate the order, so that neither always runs with a warm page cache.
        for (int which = 0; which < 2; ++which) {
            const bool centraleFirst = run % 2 == 0;
            QElapsedTimer t;
            t.start();
            if ((which == 0) == centraleFirst) {
                const auto c = PromptConverter().convertFile(input, options);
                QSaveFile f(ours);
                if (!c || !f.open(QIODevice::WriteOnly) || f.write(c->wav) != c->wav.size() || !f.commit()) {
                    out() << "Centrale failed: " << (c ? f.errorString() : c.error().message) << Qt::endl;
                    return 1;
                }
                oursMs << t.elapsed();
            } else {
                if (!runSox({input, QStringLiteral("-r"), QStringLiteral("8000"), QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-e"),
                            QStringLiteral("a-law"), theirs},
                        &error)) {
                    out() << "sox failed: " << error << Qt::endl;
                    return 1;
                }
                soxMs << t.elapsed();
            }
        }
    }

    QElapsedTimer refTimer;
    refTimer.start();
    const std::vector<float> ref = floatReference(input);
    const qint64 refMs = refTimer.elapsed();
    QString oursFormat;
    QString soxFormat;
    const Snr oursSnr = snr(ref, decodeAlaw(ours, &oursFormat));
    const Snr soxSnr = snr(ref, decodeAlaw(theirs, &soxFormat));
    const qint64 oursBest = *std::min_element(oursMs.cbegin(), oursMs.cend());
    const qint64 soxBest = *std::min_element(soxMs.cbegin(), soxMs.cend());
    const auto list = [](const QList<qint64> &ms) {
        QStringList s;
        for (qint64 m : ms)
            s << QString::number(m);
        return s.join(QLatin1Char('/'));
    };

    out() << "Reference: mono average + libsoxr VHQ in float, " << ref.size() << " samples at 8000 Hz (" << refMs << " ms)" << Qt::endl;
    out() << Qt::endl;
    out() << QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral(""), -40).arg(QStringLiteral("best wall"), 10).arg(QStringLiteral("runs (ms)"), 18).arg(
                 QStringLiteral("SNR vs reference"), 20)
          << Qt::endl;
    out() << QStringLiteral("%1 %2 %3 %4")
                 .arg(QStringLiteral("Centrale PromptConverter (soxr HQ)"), -40)
                 .arg(QStringLiteral("%1 ms").arg(oursBest), 10)
                 .arg(list(oursMs), 18)
                 .arg(QStringLiteral("%1 dB (lag %2)").arg(oursSnr.db, 0, 'f', 2).arg(oursSnr.lag), 20)
          << "  [" << oursFormat << "]" << Qt::endl;
    out() << QStringLiteral("%1 %2 %3 %4")
                 .arg(QStringLiteral("sox -r 8000 -c 1 -e a-law"), -40)
                 .arg(QStringLiteral("%1 ms").arg(soxBest), 10)
                 .arg(list(soxMs), 18)
                 .arg(QStringLiteral("%1 dB (lag %2)").arg(soxSnr.db, 0, 'f', 2).arg(soxSnr.lag), 20)
          << "  [" << soxFormat << "]" << Qt::endl;
    out() << Qt::endl;
    out() << "Time ratio Centrale / sox: " << QString::number(double(oursBest) / double(std::max<qint64>(1, soxBest)), 'f', 2)
          << (oursBest <= soxBest ? "  (at least as fast as sox)" : "  (slower than sox)") << Qt::endl;
    out() << "SNR difference Centrale - sox: " << QString::number(oursSnr.db - soxSnr.db, 'f', 2) << " dB"
          << (oursSnr.db >= soxSnr.db - 0.05 ? "  (equal or better quality)" : "  (lower quality)") << Qt::endl;
    return 0;
}
