#pragma once

#include "prompts/PcmSource.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QCoreApplication>

#include <memory>

class QAudioSource;
class QIODevice;

namespace centrale {

// A sound card input through Qt Multimedia, delivering float samples in the device's preferred
// rate and channel count.
class AudioInputSource final : public PcmSource {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudioInputSource)
public:
    explicit AudioInputSource(const QAudioDevice &device, QObject *parent = nullptr);
    ~AudioInputSource() override;

    // One source per input device the system offers; empty without a sound server or card.
    static QList<PcmSource *> available(QObject *parent);

    QString description() const override { return m_device.description(); }
    int channels() const override { return m_format.channelCount(); }
    int sampleRate() const override { return m_format.sampleRate(); }
    bool start() override;
    void stop() override;

private:
    void readAvailable();

    QAudioDevice m_device;
    QAudioFormat m_format;
    std::unique_ptr<QAudioSource> m_source;
    QIODevice *m_io = nullptr;
};

} // namespace centrale
