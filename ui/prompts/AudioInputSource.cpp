#include "prompts/AudioInputSource.h"

#include <QAudioSource>
#include <QMediaDevices>

namespace centrale {

AudioInputSource::AudioInputSource(const QAudioDevice &device, QObject *parent)
    : PcmSource(parent), m_device(device), m_format(device.preferredFormat())
{
}

AudioInputSource::~AudioInputSource()
{
    stop();
}

QList<PcmSource *> AudioInputSource::available(QObject *parent)
{
    QList<PcmSource *> sources;
    for (const QAudioDevice &device : QMediaDevices::audioInputs())
        sources << new AudioInputSource(device, parent);
    return sources;
}

bool AudioInputSource::start()
{
    stop();
    if (m_device.isNull() || !m_format.isValid()) {
        Q_EMIT failed(tr("The audio input %1 cannot be used.").arg(m_device.description()));
        return false;
    }
    m_source = std::make_unique<QAudioSource>(m_device, m_format);
    m_io = m_source->start();
    if (!m_io || m_source->error() != QAudio::NoError) {
        m_source.reset();
        m_io = nullptr;
        Q_EMIT failed(tr("The audio input %1 could not be opened. Check that it is connected and not used by another program.")
                          .arg(m_device.description()));
        return false;
    }
    connect(m_io, &QIODevice::readyRead, this, &AudioInputSource::readAvailable);
    return true;
}

void AudioInputSource::stop()
{
    if (!m_source)
        return;
    readAvailable();
    m_source->stop();
    m_source.reset();
    m_io = nullptr;
}

void AudioInputSource::readAvailable()
{
    if (!m_io)
        return;
    const QByteArray bytes = m_io->readAll();
    const int sampleBytes = m_format.bytesPerSample();
    if (bytes.isEmpty() || sampleBytes <= 0)
        return;
    const qsizetype count = bytes.size() / sampleBytes;
    QList<float> samples;
    samples.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        samples.append(m_format.normalizedSampleValue(bytes.constData() + i * sampleBytes));
    Q_EMIT samplesReady(samples);
}

} // namespace centrale
