#pragma once

#include "domain/User.h"
#include "domain/WelcomeMessage.h"
#include "store/Database.h"
#include "store/ListQuery.h"

namespace centrale {

class UserRepository final {
    Q_DECLARE_TR_FUNCTIONS(UserRepository)
public:
    UserRepository(Database &db, QString organisationDomain) : m_db(db), m_domain(std::move(organisationDomain)) {}
    void setOrganisationDomain(const QString &domain) { m_domain = domain; }

    Result<User> create(User user);
    Result<User> get(const QString &id);
    Result<User> findByUsername(const QString &username);
    Status update(User user);
    // Deleting a user frees its direct number, removes its own contacts and its group memberships,
    // and leaves its phones without an owner.
    Status remove(const QString &id);

    // Sort keys: lastName (default), firstName, username, email, mobile, directNumber.
    // Filter fields (ListQuery::filterField): the sort keys, and groups (a group's name) and phones
    // (a desk phone's model or MAC). With groupId, only the members of that group.
    Result<QList<User>> list(const ListQuery &query = {}, const QString &groupId = {});
    Result<int> count(const QString &filter = {}, const QString &groupId = {}, const QString &filterField = {});
    static QStringList filterFields();
    // The desk phones' models of these users (one query for a page of the list).
    Result<QHash<QString, QStringList>> phoneModels(const QStringList &userIds);
    // These users, in this order (ids no longer in the store are left out).
    Result<QList<User>> listByIds(const QStringList &ids);

    Result<QList<EffectiveSetting>> effectiveSettings(const QString &userId);

    // The user's photo (JPEG, empty when none). Lists do not read photos.
    Result<QByteArray> photo(const QString &userId);
    // A JPEG, at most MaxPhotoBytes (the desktop crops and scales any picture to 400x400 first);
    // an empty one removes the photo.
    Status setPhoto(const QString &userId, const QByteArray &jpeg);
    static constexpr int MaxPhotoBytes = 512 * 1024;
    // The PIN for DECT phones and free seating: 4 to 8 digits, stored hashed (Argon2id).
    Status setPin(const QString &userId, const QString &pin);
    // Passwords live on the server only: the new one is hashed (Argon2id) and queued for it.
    Status resetPassword(const QString &userId, const QString &password);
    // Queues a welcome message per user and access, for the server to send; returns where each goes,
    // or why it cannot be sent (nothing is queued for those).
    Result<QList<WelcomeMessage::Delivery>> requestWelcome(const QStringList &userIds, const QList<WelcomeMessage::Channel> &channels);
    // Group membership of many users at once, in one transaction. Returns how many users changed.
    Result<int> addToGroup(const QStringList &userIds, const QString &groupId);
    Result<int> removeFromGroup(const QStringList &userIds, const QString &groupId);

    // The folded text a user is found by (see SqlList::fold).
    static QString searchKey(const User &user);

private:
    Status checkGroups(const User &user);
    Result<int> changeMembership(const QStringList &userIds, const QString &groupId, bool add);
    Status queueForUser(const QString &entity, const QString &userId, const QJsonObject &payload);
    Status writeMemberships(const User &user);
    Result<QList<User>> select(const QString &where, QVariantList binds, const ListQuery &query, const QString &groupId);

    Database &m_db;
    QString m_domain;
};

} // namespace centrale
