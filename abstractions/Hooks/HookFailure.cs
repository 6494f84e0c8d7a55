using System.Runtime.ExceptionServices;

namespace Satchel.Hooks;

/// <summary>
/// Reports failed operations to their After*Error hooks (OnRecordAfterCreateError, …).
/// </summary>
public static class HookFailure
{
    /// <summary>Key under which an exception thrown by the error handlers is attached to the original one.</summary>
    public const string HandlerErrorKey = "satchel.hookError";

    /// <summary>
    /// Runs <paramref name="operation"/>. If it throws, triggers <paramref name="errorHook"/> with the
    /// event <paramref name="toEvent"/> makes from the exception (<paramref name="final"/> as the chain's
    /// innermost step, e.g. to run the model-level error hook) and then rethrows the original exception:
    /// the caller always sees the failure itself. Should the error handlers throw too, their exception is
    /// attached to the original's <see cref="Exception.Data"/> under <see cref="HandlerErrorKey"/>.
    /// </summary>
    public static void TriggerOnFailure<TError>(
        this Hook<TError> errorHook, Action operation, Func<Exception, TError> toEvent, Action<TError>? final = null)
        where TError : HookEvent, IErrorEvent
    {
        try
        {
            operation();
        }
        catch (Exception ex)
        {
            try { errorHook.Trigger(toEvent(ex), final); }
            catch (Exception handlerError) { ex.Data[HandlerErrorKey] = handlerError; }
            ExceptionDispatchInfo.Capture(ex).Throw();
            throw; // unreachable; keeps the compiler's flow analysis happy
        }
    }

    /// <summary>Like <see cref="TriggerOnFailure{TError}(Hook{TError}, Action, Func{Exception, TError}, Action{TError})"/>, for operations with a result.</summary>
    public static TResult TriggerOnFailure<TError, TResult>(
        this Hook<TError> errorHook, Func<TResult> operation, Func<Exception, TError> toEvent, Action<TError>? final = null)
        where TError : HookEvent, IErrorEvent
    {
        var result = default(TResult)!;
        errorHook.TriggerOnFailure(() => { result = operation(); }, toEvent, final);
        return result;
    }
}
