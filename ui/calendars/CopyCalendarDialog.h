#pragma once

#include "domain/FunctionNumber.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace centrale {

// Chooses the function numbers a calendar is copied to.
class CopyCalendarDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyCalendarDialog)
public:
    // candidates: every function number except the source.
    CopyCalendarDialog(const QString &sourceName, const QList<FunctionNumber> &candidates, QWidget *parent = nullptr);

    QStringList targetIds() const;
    void setTargetChecked(const QString &functionId, bool checked);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateOk();

    QString m_sourceName;
    QLabel *m_text;
    QListWidget *m_targets;
    QDialogButtonBox *m_buttons;
    QPushButton *m_copyButton = nullptr;
};

} // namespace centrale
