// The public face of libs/identity: what other libraries, the apps, test/ and bench/ may import (#identity/index.js).
// Kept by scripts/use-public-faces.mjs (it adds what other code imports); files inside libs/identity import each
// other relatively, never through this file, so the face cannot close an import cycle.
export { Authenticated, PUBLIC_EXTENSION, Public, Roles } from './access/access.decorator.js';
export { type CallerWithSession, CurrentCaller, RequestId } from './access/current-caller.decorator.js';
export { LocalAuthGuard } from './access/local-auth.guard.js';
export { LoggedInUser } from './access/logged-in-user.decorator.js';
export { type RouteAccess, RouteAccessChecker } from './access/route-access.checker.js';
export { CsrfTokenInvalidError, InvalidRefreshTokenError } from './auth/auth-errors.js';
export { LoginDto, LogoutDto, RefreshDto, TokenPairDto } from './auth/auth.dto.js';
export { AuthService } from './auth/auth.service.js';
export { IdentityHttpModule } from './identity-http.module.js';
export { IdentityModule } from './identity.module.js';
export { IdentitySeedRepository } from './seeding/identity-seed.repository.js';
export { FirstAdminService } from './users/first-admin.service.js';
export { ARGON2_OPTIONS, PasswordHasher } from './users/password-hasher.service.js';
export { Role } from './users/role.js';
export { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserDto, UserPageDto } from './users/user.dto.js';
export { User } from './users/user.entity.js';
export { UserRepository } from './users/user.repository.js';
export { UsersService } from './users/users.service.js';
