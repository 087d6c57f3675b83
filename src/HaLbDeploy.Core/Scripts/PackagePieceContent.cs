namespace HaLbDeploy.Core.Scripts;

/// <summary>A piece of a package file together with its bytes, read from the control host.</summary>
public sealed record PackagePieceContent(PackagePiece Piece, ReadOnlyMemory<byte> Bytes);
