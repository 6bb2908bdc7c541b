#include "prompts/PromptDetail.h"

#include "audio/PromptConverter.h"
#include "prompts/WaveformView.h"
#include "store/Store.h"

#include <QAudioSink>
#include <QBuffer>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMediaDevices>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace centrale {

PromptDetail::PromptDetail(Store &store, QWidget *parent)
    : QGroupBox(parent), m_store(store), m_waveform(new WaveformView(this)), m_name(new QLabel(this)), m_facts(new QLabel(this)),
      m_usage(new QLabel(this)), m_playbackNote(new QLabel(this)), m_play(new QPushButton(this)), m_cursorTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("promptDetail"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_name->setObjectName(QStringLiteral("promptName"));
    m_name->setWordWrap(true);
    m_facts->setObjectName(QStringLiteral("promptFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_usage->setObjectName(QStringLiteral("promptUsage"));
    m_usage->setWordWrap(true);
    m_playbackNote->setObjectName(QStringLiteral("playbackNote"));
    m_playbackNote->setWordWrap(true);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_waveform->setMinimumHeight(100);
    m_waveform->setMaximumHeight(200);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_play);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_waveform);
    layout->addLayout(buttons);
    layout->addWidget(m_playbackNote);
    layout->addWidget(m_facts);
    layout->addWidget(m_usage);
    layout->addStretch(1);

    connect(m_play, &QPushButton::clicked, this, [this] { isPlaying() ? stop() : play(); });
    m_cursorTimer->setInterval(50);
    connect(m_cursorTimer, &QTimer::timeout, this, [this] {
        if (m_sink)
            m_waveform->setPlayhead(static_cast<double>(m_sink->processedUSecs()) / 1e6);
    });
    retranslate();
}

PromptDetail::~PromptDetail()
{
    stop();
}

bool PromptDetail::canPlay() const
{
    return !m_pcm.isEmpty() && !QMediaDevices::defaultAudioOutput().isNull();
}

void PromptDetail::setPrompt(const QString &id)
{
    stop();
    m_id = id;
    refresh();
}

void PromptDetail::refresh()
{
    m_pcm.clear();
    m_waveform->setSamples({}, PromptConverter::OutputRate);
    if (m_id.isEmpty()) {
        m_name->clear();
        m_facts->clear();
        m_usage->clear();
        m_waveform->setPlaceholder(tr("Select a voice prompt to see its waveform."));
        updatePlayButton();
        return;
    }
    auto prompt = m_store.prompts.get(m_id);
    if (!prompt) {
        m_name->setText(prompt.error().message);
        m_facts->clear();
        m_usage->clear();
        updatePlayButton();
        return;
    }
    m_name->setText(prompt->name);
    m_waveform->setAccessibleName(tr("Waveform of %1").arg(prompt->name));

    auto audio = m_store.prompts.audio(m_id);
    if (audio && !audio->isEmpty()) {
        auto samples = PromptConverter::decodePrompt(*audio);
        if (samples) {
            m_pcm.resize(static_cast<qsizetype>(samples->size() * sizeof(qint16)));
            auto *out = reinterpret_cast<qint16 *>(m_pcm.data());
            for (size_t i = 0; i < samples->size(); ++i)
                out[i] = static_cast<qint16>(std::lround(std::clamp((*samples)[i], -1.0f, 1.0f) * 32767.0f));
            m_waveform->setSamples(std::move(*samples), PromptConverter::OutputRate);
        } else {
            m_waveform->setPlaceholder(samples.error().message);
        }
    } else {
        m_waveform->setPlaceholder(audio ? tr("This voice prompt has no audio yet: import or record it.") : audio.error().message);
    }

    const QLocale locale;
    QStringList facts;
    facts << tr("Duration: %1 s").arg(locale.toString(prompt->durationMs / 1000.0, 'f', 1));
    if (!m_pcm.isEmpty())
        facts << tr("Levels: peak %1 dBFS, RMS %2 dBFS").arg(locale.toString(prompt->peakDbfs, 'f', 1), locale.toString(prompt->rmsDbfs, 'f', 1));
    facts << tr("Origin: %1").arg(VoicePrompt::originLabel(prompt->origin));
    if (!prompt->sourceFile.isEmpty())
        facts << tr("Source file: %1").arg(prompt->sourceFile);
    if (!prompt->description.isEmpty())
        facts << tr("Text: %1").arg(prompt->description);
    m_facts->setText(facts.join(QLatin1Char('\n')));

    auto usage = m_store.prompts.usage(m_id);
    if (!usage) {
        m_usage->setText(usage.error().message);
    } else if (usage->isEmpty()) {
        m_usage->setText(tr("Not used by any calendar event."));
    } else {
        QStringList lines;
        for (const PromptUsage &u : *usage)
            lines << QStringLiteral("• %1 — %2").arg(u.functionName, u.eventTitle);
        m_usage->setText(QString(tr("Used by these calendar events:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n'))));
    }
    updatePlayButton();
}

void PromptDetail::play()
{
    stop();
    if (!canPlay())
        return;
    QAudioFormat format;
    format.setSampleRate(PromptConverter::OutputRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    m_buffer = std::make_unique<QBuffer>();
    m_buffer->setData(m_pcm);
    m_buffer->open(QIODevice::ReadOnly);
    m_sink = std::make_unique<QAudioSink>(QMediaDevices::defaultAudioOutput(), format);
    connect(m_sink.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::IdleState || (state == QAudio::StoppedState && m_sink && m_sink->error() != QAudio::NoError))
            QTimer::singleShot(0, this, &PromptDetail::stop);
    });
    m_sink->start(m_buffer.get());
    m_cursorTimer->start();
    updatePlayButton();
    Q_EMIT playingChanged(true);
}

void PromptDetail::stop()
{
    if (!m_sink)
        return;
    m_cursorTimer->stop();
    m_sink->stop();
    m_sink.reset();
    m_buffer.reset();
    m_waveform->setPlayhead(-1.0);
    updatePlayButton();
    Q_EMIT playingChanged(false);
}

void PromptDetail::updatePlayButton()
{
    m_play->setText(isPlaying() ? tr("&Stop") : tr("&Play"));
    m_play->setEnabled(canPlay() || isPlaying());
    const bool noOutput = QMediaDevices::defaultAudioOutput().isNull();
    m_playbackNote->setText(noOutput ? tr("No audio output device was found (no sound card or sound server): the prompt cannot be played here.")
                                     : QString());
    m_playbackNote->setVisible(noOutput && !m_id.isEmpty());
}

void PromptDetail::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void PromptDetail::retranslate()
{
    setTitle(tr("Voice prompt"));
    m_play->setAccessibleName(tr("Play or stop the voice prompt"));
    m_usage->setAccessibleName(tr("Where the voice prompt is used"));
    refresh();
}

} // namespace centrale
