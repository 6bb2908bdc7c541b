#include "audio/PromptConverter.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <ebur128.h>
#include <sndfile.h>
#include <soxr.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <type_traits>

namespace centrale {

namespace {

constexpr sf_count_t ReadChunkFrames = 8192;

// libsndfile virtual I/O over a QIODevice: Unicode paths on every platform, and in-memory WAVs.
sf_count_t vioLength(void *user)
{
    return static_cast<QIODevice *>(user)->size();
}

sf_count_t vioSeek(sf_count_t offset, int whence, void *user)
{
    auto *device = static_cast<QIODevice *>(user);
    qint64 base = 0;
    if (whence == SEEK_CUR)
        base = device->pos();
    else if (whence == SEEK_END)
        base = device->size();
    const qint64 target = base + offset;
    if (target < 0 || !device->seek(target))
        return -1;
    return device->pos();
}

sf_count_t vioRead(void *ptr, sf_count_t count, void *user)
{
    const qint64 n = static_cast<QIODevice *>(user)->read(static_cast<char *>(ptr), count);
    return n < 0 ? 0 : n;
}

sf_count_t vioWrite(const void *ptr, sf_count_t count, void *user)
{
    const qint64 n = static_cast<QIODevice *>(user)->write(static_cast<const char *>(ptr), count);
    return n < 0 ? 0 : n;
}

sf_count_t vioTell(void *user)
{
    return static_cast<QIODevice *>(user)->pos();
}

SF_VIRTUAL_IO virtualIo()
{
    return SF_VIRTUAL_IO {vioLength, vioSeek, vioRead, vioWrite, vioTell};
}

struct SndfileCloser {
    void operator()(SNDFILE *file) const { sf_close(file); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

struct SoxrDeleter {
    void operator()(soxr_t soxr) const { soxr_delete(soxr); }
};
using SoxrPtr = std::unique_ptr<std::remove_pointer_t<soxr_t>, SoxrDeleter>;

struct Ebur128Deleter {
    void operator()(ebur128_state *state) const { ebur128_destroy(&state); }
};
using Ebur128Ptr = std::unique_ptr<ebur128_state, Ebur128Deleter>;

QString sndfileReason(SNDFILE *file)
{
    return QString::fromUtf8(sf_strerror(file));
}

double toDbfs(double linear)
{
    if (linear <= 0.0)
        return PromptConverter::SilenceDbfs;
    return std::max(PromptConverter::SilenceDbfs, 20.0 * std::log10(linear));
}

// Down-mixes interleaved frames to mono and resamples them to 8 kHz as they arrive, so that a long
// source never sits in memory at its original rate.
class MonoResampler final {
public:
    // Returns libsoxr's reason on failure, or an empty string.
    QString start(int sourceRate, qint64 expectedFrames)
    {
        m_ratio = double(PromptConverter::OutputRate) / sourceRate;
        if (expectedFrames > 0)
            m_out.reserve(size_t(double(expectedFrames) * m_ratio) + 1024);
        if (sourceRate == PromptConverter::OutputRate)
            return {};
        soxr_error_t error = nullptr;
        const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
        const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
        m_soxr.reset(soxr_create(sourceRate, PromptConverter::OutputRate, 1, &error, &io, &quality, nullptr));
        if (error)
            return QString::fromUtf8(error);
        return {};
    }

    QString push(const float *interleaved, qint64 frames, int channels)
    {
        m_mono.resize(size_t(frames));
        if (channels == 1) {
            std::copy(interleaved, interleaved + frames, m_mono.begin());
            sanitise();
        } else {
            // Averaged in float: no integer overflow, and nothing lost until the final clip.
            const float scale = 1.0f / float(channels);
            for (qint64 f = 0; f < frames; ++f) {
                const float *frame = interleaved + f * channels;
                float sum = 0.0f;
                for (int c = 0; c < channels; ++c)
                    sum += frame[c];
                m_mono[size_t(f)] = sum * scale;
            }
            sanitise();
        }
        if (!m_soxr) {
            m_out.insert(m_out.end(), m_mono.begin(), m_mono.end());
            return {};
        }
        size_t offset = 0;
        while (offset < m_mono.size()) {
            const size_t room = size_t(double(m_mono.size() - offset) * m_ratio) + 64;
            const size_t before = m_out.size();
            m_out.resize(before + room);
            size_t consumed = 0;
            size_t produced = 0;
            if (soxr_error_t error = soxr_process(
                    m_soxr.get(), m_mono.data() + offset, m_mono.size() - offset, &consumed, m_out.data() + before, room, &produced)) {
                m_out.resize(before);
                return QString::fromUtf8(error);
            }
            m_out.resize(before + produced);
            offset += consumed;
            if (consumed == 0 && produced == 0)
                break;
        }
        return {};
    }

    QString finish()
    {
        if (!m_soxr)
            return {};
        for (;;) {
            const size_t room = 4096;
            const size_t before = m_out.size();
            m_out.resize(before + room);
            size_t produced = 0;
            if (soxr_error_t error = soxr_process(m_soxr.get(), nullptr, 0, nullptr, m_out.data() + before, room, &produced)) {
                m_out.resize(before);
                return QString::fromUtf8(error);
            }
            m_out.resize(before + produced);
            if (produced == 0)
                return {};
        }
    }

    std::vector<float> &output() { return m_out; }
    // Samples that were infinite or not a number (a damaged float file), replaced by silence.
    qint64 invalidSamples() const { return m_invalid; }

private:
    SoxrPtr m_soxr;
    double m_ratio = 1.0;
    std::vector<float> m_mono;
    std::vector<float> m_out;
    qint64 m_invalid = 0;

    // An infinite or NaN sample would turn the whole filter's output into NaN, which the A-law
    // encoder turns into an out-of-range table index (found by fuzz_prompt_import).
    void sanitise()
    {
        for (float &x : m_mono) {
            if (!std::isfinite(x)) {
                x = 0.0f;
                ++m_invalid;
            }
        }
    }
};

QString encodingName(int subtype)
{
    switch (subtype) {
    case SF_FORMAT_PCM_S8:
    case SF_FORMAT_PCM_U8:
        return QStringLiteral("PCM 8-bit");
    case SF_FORMAT_PCM_16:
        return QStringLiteral("PCM 16-bit");
    case SF_FORMAT_PCM_24:
        return QStringLiteral("PCM 24-bit");
    case SF_FORMAT_PCM_32:
        return QStringLiteral("PCM 32-bit");
    case SF_FORMAT_FLOAT:
        return QStringLiteral("float 32-bit");
    case SF_FORMAT_DOUBLE:
        return QStringLiteral("float 64-bit");
    case SF_FORMAT_ALAW:
        return QStringLiteral("A-law");
    case SF_FORMAT_ULAW:
        return QStringLiteral("\u00b5-law");
    case SF_FORMAT_VORBIS:
        return QStringLiteral("Vorbis");
    case SF_FORMAT_OPUS:
        return QStringLiteral("Opus");
    case SF_FORMAT_MPEG_LAYER_I:
        return QStringLiteral("MPEG layer I");
    case SF_FORMAT_MPEG_LAYER_II:
        return QStringLiteral("MPEG layer II");
    case SF_FORMAT_MPEG_LAYER_III:
        return QStringLiteral("MP3");
    default:
        break;
    }
    SF_FORMAT_INFO info {};
    info.format = subtype;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof(info)) == 0 && info.name)
        return QString::fromUtf8(info.name);
    return QStringLiteral("0x%1").arg(subtype, 4, 16, QLatin1Char('0'));
}

QString containerName(int major, const QByteArray &head)
{
    switch (major) {
    case SF_FORMAT_WAV:
        return QStringLiteral("WAV");
    case SF_FORMAT_WAVEX:
        return QStringLiteral("WAV (extensible)");
    case SF_FORMAT_AIFF:
        return head.mid(8, 4) == "AIFC" ? QStringLiteral("AIFF-C") : QStringLiteral("AIFF");
    case SF_FORMAT_FLAC:
        return QStringLiteral("FLAC");
    case SF_FORMAT_OGG:
        return QStringLiteral("Ogg");
    case SF_FORMAT_MPEG:
        return QStringLiteral("MPEG");
    default:
        break;
    }
    // SFC_GET_FORMAT_MAJOR takes an index, not a format: look the format up among them.
    int count = 0;
    sf_command(nullptr, SFC_GET_FORMAT_MAJOR_COUNT, &count, sizeof(count));
    for (int i = 0; i < count; ++i) {
        SF_FORMAT_INFO entry {};
        entry.format = i;
        if (sf_command(nullptr, SFC_GET_FORMAT_MAJOR, &entry, sizeof(entry)) == 0 && entry.format == major && entry.name)
            return QString::fromUtf8(entry.name);
    }
    return QStringLiteral("0x%1").arg(major, 6, 16, QLatin1Char('0'));
}

bool isLossy(int subtype)
{
    switch (subtype) {
    case SF_FORMAT_VORBIS:
    case SF_FORMAT_OPUS:
    case SF_FORMAT_MPEG_LAYER_I:
    case SF_FORMAT_MPEG_LAYER_II:
    case SF_FORMAT_MPEG_LAYER_III:
    case SF_FORMAT_GSM610:
    case SF_FORMAT_IMA_ADPCM:
    case SF_FORMAT_MS_ADPCM:
    case SF_FORMAT_VOX_ADPCM:
    case SF_FORMAT_G721_32:
    case SF_FORMAT_G723_24:
    case SF_FORMAT_G723_40:
    case SF_FORMAT_NMS_ADPCM_16:
    case SF_FORMAT_NMS_ADPCM_24:
    case SF_FORMAT_NMS_ADPCM_32:
        return true;
    default:
        return false;
    }
}

// True when the RIFF or FORM header claims more bytes than the file holds.
bool headerClaimsMore(const QByteArray &head, qint64 fileSize)
{
    if (head.size() < 8)
        return false;
    const auto *bytes = reinterpret_cast<const uchar *>(head.constData());
    qint64 declared = -1;
    if (head.startsWith("RIFF"))
        declared = qint64(qFromLittleEndian<quint32>(bytes + 4)) + 8;
    else if (head.startsWith("FORM"))
        declared = qint64(qFromBigEndian<quint32>(bytes + 4)) + 8;
    return declared > fileSize;
}

QString formatDuration(double seconds)
{
    const qint64 total = qint64(std::ceil(seconds));
    const qint64 h = total / 3600;
    const qint64 m = (total / 60) % 60;
    const qint64 s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

// G.711 A-law of a 16-bit sample, as the ITU-T reference encoder does it: 13 bits, truncated, so
// that the decoder's mid-interval value is the nearest one. libsndfile's float encoder rounds to
// 12 bits first, which biases the small levels and cost 0.2 dB of SNR against sox (bench_audio).
uchar linearToAlaw(int pcm)
{
    static constexpr int segmentEnd[8] = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    pcm >>= 3;
    int mask = 0xD5;
    if (pcm < 0) {
        mask = 0x55;
        pcm = -pcm - 1;
    }
    int segment = 0;
    while (segment < 8 && pcm > segmentEnd[segment])
        ++segment;
    if (segment == 8)
        return uchar(0x7F ^ mask);
    const int step = segment < 2 ? 1 : segment;
    return uchar(((segment << 4) | ((pcm >> step) & 0x0F)) ^ mask);
}

Result<QByteArray> encodeAlaw(const std::vector<float> &samples)
{
    QByteArray alaw(qsizetype(samples.size()), Qt::Uninitialized);
    auto *bytes = reinterpret_cast<uchar *>(alaw.data());
    for (size_t i = 0; i < samples.size(); ++i)
        bytes[i] = linearToAlaw(std::clamp(int(std::lrint(double(samples[i]) * 32768.0)), -32768, 32767));

    QByteArray wav;
    QBuffer buffer(&wav);
    buffer.open(QIODevice::ReadWrite);
    SF_VIRTUAL_IO io = virtualIo();
    SF_INFO info {};
    info.samplerate = PromptConverter::OutputRate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_ALAW;
    {
        SndfilePtr out(sf_open_virtual(&io, SFM_WRITE, &info, &buffer));
        if (!out)
            return Error {ErrorCode::Io, sndfileReason(nullptr), {}};
        // The container (header, sizes) is libsndfile's; the samples are already A-law bytes.
        if (sf_write_raw(out.get(), alaw.constData(), sf_count_t(alaw.size())) != sf_count_t(alaw.size()))
            return Error {ErrorCode::Io, sndfileReason(out.get()), {}};
        if (sf_close(out.release()) != 0)
            return Error {ErrorCode::Io, sndfileReason(nullptr), {}};
    }
    buffer.close();
    return wav;
}

// A prompt as stored (A-law, 8 kHz, mono WAV), opened and checked; read takes what it needs of it.
template <typename T>
Result<T> readPrompt(const QByteArray &wav, const std::function<bool(SNDFILE *, const SF_INFO &, T &)> &read)
{
    QByteArray copy = wav; // QBuffer needs a non-const array; this is a shallow copy
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    SF_VIRTUAL_IO io = virtualIo();
    SF_INFO info {};
    SndfilePtr in(sf_open_virtual(&io, SFM_READ, &info, &buffer));
    const auto fail = [](const QString &reason) {
        return Error {ErrorCode::Invalid, PromptConverter::tr("The prompt is not an A-law, 8000 Hz, mono WAV file: %1").arg(reason), {}};
    };
    if (!in)
        return fail(sndfileReason(nullptr));
    if (info.format != (SF_FORMAT_WAV | SF_FORMAT_ALAW) || info.samplerate != PromptConverter::OutputRate || info.channels != 1)
        return fail(QStringLiteral("%1, %2, %3 Hz, %4 ch")
                        .arg(containerName(info.format & SF_FORMAT_TYPEMASK, {}), encodingName(info.format & SF_FORMAT_SUBMASK))
                        .arg(info.samplerate)
                        .arg(info.channels));
    T out;
    if (!read(in.get(), info, out))
        return fail(sndfileReason(in.get()));
    return out;
}

} // namespace

Result<std::vector<float>> PromptConverter::decodePrompt(const QByteArray &wav)
{
    return readPrompt<std::vector<float>>(wav, [](SNDFILE *in, const SF_INFO &info, std::vector<float> &samples) {
        samples.resize(size_t(info.frames));
        return sf_readf_float(in, samples.data(), info.frames) == info.frames;
    });
}

Result<QByteArray> PromptConverter::promptAlaw(const QByteArray &wav)
{
    return readPrompt<QByteArray>(wav, [](SNDFILE *in, const SF_INFO &info, QByteArray &alaw) {
        // One byte a frame: sf_read_raw hands over the data chunk without decoding it.
        alaw.resize(qsizetype(info.frames));
        return sf_read_raw(in, alaw.data(), info.frames) == info.frames;
    });
}

QString PromptConverter::invalidWarning(const QString &name, qint64 count)
{
    return tr("%1 contains %n invalid sample(s) (infinite or not a number), replaced by silence.", nullptr, int(std::min<qint64>(count, INT_MAX)))
        .arg(name);
}

QString PromptConverter::channelsName(int channels)
{
    if (channels == 1)
        return tr("mono");
    if (channels == 2)
        return tr("stereo");
    return tr("%1 channels").arg(channels);
}

Status PromptConverter::finish(const QString &name, std::vector<float> &samples, const Options &options, Conversion &conversion)
{
    if (samples.empty())
        return Error {ErrorCode::Invalid, tr("%1 contains no audio.").arg(name), {}};
    const auto failed = [&](const QString &reason) {
        return Error {ErrorCode::Io, tr("%1 could not be converted: %2").arg(name, reason), {}};
    };
    const bool keepBytes = !conversion.wav.isEmpty();

    if (options.normaliseLoudness) {
        Ebur128Ptr meter(ebur128_init(1, OutputRate, EBUR128_MODE_I));
        if (!meter)
            return failed(QStringLiteral("libebur128"));
        double lufs = 0.0;
        if (ebur128_add_frames_float(meter.get(), samples.data(), samples.size()) != EBUR128_SUCCESS
            || ebur128_loudness_global(meter.get(), &lufs) != EBUR128_SUCCESS)
            return failed(QStringLiteral("libebur128"));
        if (!std::isfinite(lufs)) {
            conversion.warnings << tr("The loudness of %1 could not be measured (silent or too short); it was left unchanged.").arg(name);
        } else {
            double gain = std::pow(10.0, (options.targetLufs - lufs) / 20.0);
            float peak = 0.0f;
            for (float x : samples)
                peak = std::max(peak, std::abs(x));
            const double limit = std::pow(10.0, NormalisedPeakDbfs / 20.0);
            if (double(peak) * gain > limit)
                gain = limit / double(peak);
            for (float &x : samples)
                x = float(double(x) * gain);
        }
    }

    // A-law saturates at full scale; clip here, and say how much, rather than let the encoder wrap.
    qint64 clipped = 0;
    double peak = 0.0;
    double sumSquares = 0.0;
    for (float &x : samples) {
        if (std::isnan(x)) { // never from finite input; kept out of the encoder all the same
            x = 0.0f;
            ++clipped;
        } else if (x > 1.0f || x < -1.0f) {
            ++clipped;
            x = std::clamp(x, -1.0f, 1.0f);
        }
        peak = std::max(peak, double(std::abs(x)));
        sumSquares += double(x) * double(x);
    }
    if (clipped > 0)
        conversion.warnings << tr("%1 of %2 samples were clipped at full scale.").arg(clipped).arg(qint64(samples.size()));
    conversion.peakDbfs = toDbfs(peak);
    conversion.rmsDbfs = toDbfs(std::sqrt(sumSquares / double(samples.size())));

    if (!keepBytes) {
        Result<QByteArray> wav = encodeAlaw(samples);
        if (!wav)
            return failed(wav.error().message);
        conversion.wav = std::move(wav).value();
    }
    // Read back what will be stored: format, rate, channels and length must be what we meant.
    Result<std::vector<float>> check = decodePrompt(conversion.wav);
    if (!check)
        return failed(check.error().message);
    if (check->size() != samples.size())
        return failed(QStringLiteral("%1 != %2 frames").arg(qint64(check->size())).arg(qint64(samples.size())));
    conversion.durationMs = (qint64(samples.size()) * 1000 + OutputRate / 2) / OutputRate;
    return {};
}

Result<PromptConverter::Conversion> PromptConverter::convertFile(const QString &inputPath, const Options &options) const
{
    const QString name = QFileInfo(inputPath).fileName();
    QFile file(inputPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error {ErrorCode::Io, tr("%1 cannot be opened: %2").arg(name, file.errorString()), {}};
    return convertDevice(file, name, options);
}

Result<PromptConverter::Conversion> PromptConverter::convertBytes(const QByteArray &data, const QString &name, const Options &options) const
{
    QByteArray copy = data; // QBuffer needs a non-const array; this is a shallow copy
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return convertDevice(buffer, name, options);
}

Result<PromptConverter::Conversion> PromptConverter::convertDevice(QIODevice &file, const QString &name, const Options &options)
{
    const qint64 fileSize = file.size();
    if (fileSize == 0)
        return Error {ErrorCode::Invalid, tr("%1 is empty.").arg(name), {}};
    const QByteArray head = file.peek(12);

    SF_VIRTUAL_IO io = virtualIo();
    SF_INFO info {};
    SndfilePtr in(sf_open_virtual(&io, SFM_READ, &info, &file));
    if (!in)
        return Error {ErrorCode::Invalid, tr("%1 is not an audio file Centrale can read: %2").arg(name, sndfileReason(nullptr)), {}};
    if (info.channels < 1)
        return Error {ErrorCode::Invalid, tr("%1 has no audio channels.").arg(name), {}};
    if (info.samplerate < MinSourceRate || info.samplerate > MaxSourceRate)
        return Error {ErrorCode::Invalid,
            tr("%1 has a sample rate of %2 Hz; Centrale accepts %3 to %4 Hz.")
                .arg(name)
                .arg(info.samplerate)
                .arg(MinSourceRate)
                .arg(MaxSourceRate),
            {}};
    const bool lengthKnown = info.frames > 0 && info.frames != SF_COUNT_MAX;
    const sf_count_t maxFrames = sf_count_t(options.maxSeconds) * info.samplerate;
    const auto tooLong = [&](double seconds) {
        return Error {ErrorCode::Invalid,
            tr("%1 lasts %2; a voice prompt may last at most %3.").arg(name, formatDuration(seconds), formatDuration(options.maxSeconds)),
            {}};
    };
    // Refused from the header alone: a two-hour file is not decoded to find out.
    if (lengthKnown && info.frames > maxFrames)
        return tooLong(double(info.frames) / info.samplerate);

    const int major = info.format & SF_FORMAT_TYPEMASK;
    const int subtype = info.format & SF_FORMAT_SUBMASK;
    Conversion conversion;
    conversion.sourceFormat = QStringList {containerName(major, head), encodingName(subtype), QStringLiteral("%1 Hz").arg(info.samplerate),
        channelsName(info.channels)}
                                  .join(QStringLiteral(", "));
    conversion.lossySource = isLossy(subtype);
    const QString truncatedWarning = tr("%1 is shorter than its header says; it was read as far as the audio goes.").arg(name);
    bool truncated = headerClaimsMore(head, fileSize);

    MonoResampler resampler;
    if (QString reason = resampler.start(info.samplerate, lengthKnown ? info.frames : 0); !reason.isEmpty())
        return Error {ErrorCode::Io, tr("%1 could not be converted: %2").arg(name, reason), {}};
    std::vector<float> buffer(size_t(ReadChunkFrames) * size_t(info.channels));
    sf_count_t total = 0;
    for (;;) {
        const sf_count_t n = sf_readf_float(in.get(), buffer.data(), ReadChunkFrames);
        if (n <= 0)
            break;
        total += n;
        if (total > maxFrames) // a stream whose header did not say how long it is
            return tooLong(double(total) / info.samplerate);
        if (QString reason = resampler.push(buffer.data(), n, info.channels); !reason.isEmpty())
            return Error {ErrorCode::Io, tr("%1 could not be converted: %2").arg(name, reason), {}};
    }
    if (total == 0) {
        if (sf_error(in.get()) != SF_ERR_NO_ERROR)
            return Error {ErrorCode::Invalid, tr("%1 is not an audio file Centrale can read: %2").arg(name, sndfileReason(in.get())), {}};
        return Error {ErrorCode::Invalid, tr("%1 contains no audio.").arg(name), {}};
    }
    if (lengthKnown && total < info.frames)
        truncated = true;
    if (truncated)
        conversion.warnings << truncatedWarning;

    // Already a prompt: keep the caller's bytes, but still measure them.
    const bool passThrough = info.format == (SF_FORMAT_WAV | SF_FORMAT_ALAW) && info.samplerate == OutputRate && info.channels == 1
        && !options.normaliseLoudness && !truncated;
    if (passThrough) {
        if (!file.seek(0))
            return Error {ErrorCode::Io, tr("%1 cannot be opened: %2").arg(name, file.errorString()), {}};
        conversion.wav = file.readAll();
        if (conversion.wav.size() != fileSize)
            return Error {ErrorCode::Io, tr("%1 cannot be opened: %2").arg(name, file.errorString()), {}};
    }
    in.reset();
    file.close();

    if (QString reason = resampler.finish(); !reason.isEmpty())
        return Error {ErrorCode::Io, tr("%1 could not be converted: %2").arg(name, reason), {}};
    if (resampler.invalidSamples() > 0)
        conversion.warnings << invalidWarning(name, resampler.invalidSamples());
    if (Status s = finish(name, resampler.output(), options, conversion); !s)
        return s.error();
    return conversion;
}

Result<PromptConverter::Conversion> PromptConverter::convertPcm(
    const float *interleaved, qint64 frames, int channels, int sampleRate, const Options &options) const
{
    const QString name = tr("The recording");
    if (channels < 1)
        return Error {ErrorCode::Invalid, tr("%1 has no audio channels.").arg(name), {}};
    if (sampleRate < MinSourceRate || sampleRate > MaxSourceRate)
        return Error {ErrorCode::Invalid,
            tr("%1 has a sample rate of %2 Hz; Centrale accepts %3 to %4 Hz.")
                .arg(name)
                .arg(sampleRate)
                .arg(MinSourceRate)
                .arg(MaxSourceRate),
            {}};
    if (frames <= 0 || !interleaved)
        return Error {ErrorCode::Invalid, tr("%1 contains no audio.").arg(name), {}};
    if (frames > qint64(options.maxSeconds) * sampleRate)
        return Error {ErrorCode::Invalid,
            tr("%1 lasts %2; a voice prompt may last at most %3.")
                .arg(name, formatDuration(double(frames) / sampleRate), formatDuration(options.maxSeconds)),
            {}};
    Conversion conversion;
    conversion.sourceFormat
        = QStringList {QStringLiteral("PCM float 32-bit"), QStringLiteral("%1 Hz").arg(sampleRate), channelsName(channels)}.join(
            QStringLiteral(", "));
    MonoResampler resampler;
    QString reason = resampler.start(sampleRate, frames);
    // Fed in chunks, as a file is, so that the down-mix buffer stays small.
    for (qint64 done = 0; reason.isEmpty() && done < frames; done += ReadChunkFrames)
        reason = resampler.push(interleaved + done * channels, std::min<qint64>(ReadChunkFrames, frames - done), channels);
    if (reason.isEmpty())
        reason = resampler.finish();
    if (!reason.isEmpty())
        return Error {ErrorCode::Io, tr("%1 could not be converted: %2").arg(name, reason), {}};
    if (resampler.invalidSamples() > 0)
        conversion.warnings << invalidWarning(name, resampler.invalidSamples());
    if (Status s = finish(name, resampler.output(), options, conversion); !s)
        return s.error();
    return conversion;
}

} // namespace centrale
