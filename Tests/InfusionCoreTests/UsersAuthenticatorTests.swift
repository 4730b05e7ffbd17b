import Foundation
import InfusionCore
import Testing
import TestSupport

/// Sign-in, lockout after wrong PINs, and the idle lock, with explicit times (a manual clock).
@Suite struct UsersAuthenticatorTests {
    let clock = ManualClock(DoseFixtures.now)
    let policy = AccessPolicy(maxFailedAttempts: 5, lockoutDuration: 300, idleTimeout: 120)

    func makeAccess() -> Authenticator {
        Authenticator(users: [DoseFixtures.physician, DoseFixtures.nurse], policy: policy, verifier: PlainVerifier())
    }

    @Test func signInIsAnEventAndGivesTheRole() {
        var access = makeAccess()
        let outcome = access.signIn(user: UserID("dr.test"), pin: "2468", at: clock.now())
        #expect(outcome.isAccepted)
        #expect(outcome.events == [.operatorSignedIn(OperatorSignIn(identity: DoseFixtures.physician.identity, at: clock.now()))])
        #expect(access.status(at: clock.now()) == .active(DoseFixtures.physician.identity))
        #expect((try? access.authorize(.increaseRate, at: clock.now()).get()) == DoseFixtures.physician.identity)
    }

    @Test func unknownIDAndWrongPINGetTheSameMessage() {
        var access = makeAccess()
        let unknown = access.signIn(user: UserID("nobody"), pin: "2468", at: clock.now())
        let wrong = access.signIn(user: UserID("dr.test"), pin: "0000", at: clock.now())
        #expect(unknown.refusal?.message == wrong.refusal?.message)
        #expect(wrong.events == [.signInFailed(SignInFailure(user: UserID("dr.test"), reason: .wrongPIN, failedAttempts: 1, at: clock.now()))])
    }

    @Test func fiveWrongPINsLockTheIDUntilTheConfiguredTime() {
        var access = makeAccess()
        for attempt in 1...4 {
            #expect(access.signIn(user: UserID("dr.test"), pin: "1111", at: clock.now()).refusal == .notRecognised(attemptsLeft: 5 - attempt))
            clock.advance(by: 1)
        }
        let fifth = access.signIn(user: UserID("dr.test"), pin: "1111", at: clock.now())
        let until = clock.now().addingTimeInterval(300)
        #expect(fifth.refusal == .lockedOut(until: until))
        #expect(fifth.events.contains(.operatorLocked(OperatorLock(user: UserID("dr.test"), reason: .tooManyFailures, until: until, at: clock.now()))))
        clock.advance(by: 60)
        let rightPIN = access.signIn(user: UserID("dr.test"), pin: "2468", at: clock.now())
        #expect(rightPIN.refusal == .lockedOut(until: until))
        #expect(rightPIN.events.first.map { if case .signInFailed(let failure) = $0 { failure.reason == .locked } else { false } } == true)
        // Other IDs are not affected.
        #expect(access.signIn(user: UserID("rn.test"), pin: "1357", at: clock.now()).isAccepted)
        clock.set(until)
        let expired = access.expire(at: clock.now())  // the nurse has meanwhile gone idle, too
        #expect(expired.contains(.operatorUnlocked(OperatorUnlock(user: UserID("dr.test"), reason: .lockoutExpired, at: until))))
        #expect(expired.contains(.operatorLocked(OperatorLock(
            user: UserID("rn.test"), reason: .idle, until: nil, at: until.addingTimeInterval(-300 + 60 + 120)))))
        #expect(access.signIn(user: UserID("dr.test"), pin: "2468", at: clock.now()).isAccepted)
    }

    @Test func idleTimeoutLocksActionsUntilThePINIsEnteredAgain() {
        var access = makeAccess()
        _ = access.signIn(user: UserID("dr.test"), pin: "2468", at: clock.now())
        clock.advance(by: 100)
        #expect(access.noteActivity(at: clock.now()).isEmpty)
        clock.advance(by: 119)
        #expect(access.expire(at: clock.now()).isEmpty)
        clock.advance(by: 1)
        #expect(access.authorize(.pause, at: clock.now()) == .failure(.idleLocked(UserID("dr.test"))))
        let locked = access.expire(at: clock.now())
        #expect(locked == [.operatorLocked(OperatorLock(user: UserID("dr.test"), reason: .idle, until: nil, at: clock.now()))])
        #expect(access.expire(at: clock.now()).isEmpty)  // once
        #expect(access.noteActivity(at: clock.now()).isEmpty)  // a key press does not unlock
        #expect(access.status(at: clock.now()) == .idleLocked(DoseFixtures.physician.identity))
        #expect(access.unlock(pin: "9999", at: clock.now()).refusal == .notRecognised(attemptsLeft: 4))
        let unlocked = access.unlock(pin: "2468", at: clock.now())
        #expect(unlocked.events == [.operatorUnlocked(OperatorUnlock(user: UserID("dr.test"), reason: .pinEntered, at: clock.now()))])
        #expect(access.authorize(.increaseRate, at: clock.now()).isSuccess)
    }

    @Test func nurseMayPauseAndStopOnly() {
        var access = makeAccess()
        _ = access.signIn(user: UserID("rn.test"), pin: "1357", at: clock.now())
        for action in DoseAction.allCases {
            let allowed = action == .pause || action == .stop
            #expect(access.authorize(action, at: clock.now()).isSuccess == allowed, "\(action)")
        }
    }

    @Test func signingInAnotherUserSignsTheFirstOut() {
        var access = makeAccess()
        _ = access.signIn(user: UserID("dr.test"), pin: "2468", at: clock.now())
        let outcome = access.signIn(user: UserID("rn.test"), pin: "1357", at: clock.now())
        #expect(outcome.events.first == .operatorSignedOut(OperatorSignOut(user: UserID("dr.test"), at: clock.now())))
        #expect(access.signOut(at: clock.now()) == [.operatorSignedOut(OperatorSignOut(user: UserID("rn.test"), at: clock.now()))])
        #expect(access.status(at: clock.now()) == .signedOut)
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
