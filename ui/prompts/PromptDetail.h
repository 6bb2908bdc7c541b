#pragma once

#include <QGroupBox>

#include <memory>

class QAudioSink;
class QBuffer;
class QLabel;
class QPushButton;
class QTimer;

namespace centrale {

class Store;
class WaveformView;

// Beside the prompt list: the selected prompt's waveform, duration, levels, origin and where it is
// used, and Play/Stop through the default audio output.
class PromptDetail final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptDetail)
public:
    explicit PromptDetail(Store &store, QWidget *parent = nullptr);
    ~PromptDetail() override;

    void setPrompt(const QString &id);
    QString promptId() const { return m_id; }
    WaveformView *waveform() const { return m_waveform; }
    bool hasAudio() const { return !m_pcm.isEmpty(); }
    bool canPlay() const;
    bool isPlaying() const { return m_sink != nullptr; }
    void play();
    void stop();

Q_SIGNALS:
    void playingChanged(bool playing);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void updatePlayButton();

    Store &m_store;
    QString m_id;
    WaveformView *m_waveform;
    QLabel *m_name;
    QLabel *m_facts;
    QLabel *m_usage;
    QLabel *m_playbackNote;
    QPushButton *m_play;
    QTimer *m_cursorTimer;
    QByteArray m_pcm; // 16-bit, 8 kHz, mono
    std::unique_ptr<QAudioSink> m_sink;
    std::unique_ptr<QBuffer> m_buffer;
};

} // namespace centrale
