#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace centrale {

// Turns any audio file libsndfile can read (or a PCM buffer from a recording) into a voice prompt:
// a WAV file, G.711 A-law, 8000 Hz, mono. Down-mix by averaging channels, resample with libsoxr
// (high quality), optional loudness normalisation with libebur128, encode and check through
// libsndfile. Stateless: one converter may serve several conversions, one at a time per thread.
class PromptConverter final {
    Q_DECLARE_TR_FUNCTIONS(PromptConverter)
public:
    static constexpr int OutputRate = 8000;
    static constexpr int MinSourceRate = 1000;
    static constexpr int MaxSourceRate = 384000;
    // Prompts whose normalised peak would exceed this are turned down to it.
    static constexpr double NormalisedPeakDbfs = -1.0;
    // Level reported for digital silence instead of minus infinity.
    static constexpr double SilenceDbfs = -100.0;

    struct Options {
        bool normaliseLoudness = false;
        double targetLufs = -16.0;
        int maxSeconds = 1800; // longer sources are refused before they are decoded
    };

    struct Conversion {
        QByteArray wav; // WAV, A-law, 8000 Hz, mono
        qint64 durationMs = 0;
        QString sourceFormat; // e.g. "WAV, PCM 16-bit, 48000 Hz, stereo"
        double peakDbfs = SilenceDbfs; // of the 8 kHz mono prompt
        double rmsDbfs = SilenceDbfs;
        bool lossySource = false; // Vorbis, Opus, MP3…: the prompt cannot sound better than that
        QStringList warnings; // translated; the conversion succeeded nonetheless
    };

    PromptConverter() = default;

    Result<Conversion> convertFile(const QString &inputPath, const Options &options) const;
    // The same for a file's content already in memory (a download, a drop, the fuzzer); name is
    // the file name used in messages.
    Result<Conversion> convertBytes(const QByteArray &data, const QString &name, const Options &options) const;
    // interleaved holds frames × channels samples, nominally in [-1, 1].
    Result<Conversion> convertPcm(const float *interleaved, qint64 frames, int channels, int sampleRate, const Options &options) const;

    // Decodes a prompt (as convertFile returns it) to 8 kHz mono samples in [-1, 1], after checking
    // that it is an A-law, 8000 Hz, mono WAV. For playback, waveforms and the self-check.
    static Result<std::vector<float>> decodePrompt(const QByteArray &wav);
    // The same prompt's A-law bytes as they are, one per sample: what G.711 sends over RTP.
    static Result<QByteArray> promptAlaw(const QByteArray &wav);

private:
    // device is open for reading, positioned at the start.
    static Result<Conversion> convertDevice(QIODevice &device, const QString &name, const Options &options);
    static QString channelsName(int channels);
    static QString invalidWarning(const QString &name, qint64 count);
    // Normalises, clips, measures, encodes (unless conversion.wav already holds the prompt) and
    // reads the result back. name is the file name (or "the recording") for messages.
    static Status finish(const QString &name, std::vector<float> &samples, const Options &options, Conversion &conversion);
};

} // namespace centrale
